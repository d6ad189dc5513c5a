package org.dak.routing.inbox;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(InboxController.class)
class InboxControllerTest {

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Inbox inbox;

	@Test
	void aMarkingWithoutDepartmentOrWithAPastDueDateIsRefusedFieldByField() throws Exception {
		this.mvc
			.perform(post("/api/v1/inbox/NAL-2026-000001-Q/marking").contentType(MediaType.APPLICATION_JSON)
				.content("{\"departmentCode\":\" \",\"dueDate\":\"2020-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[*].field")
				.value(org.hamcrest.Matchers.containsInAnyOrder("departmentCode", "dueDate")));
		verifyNoInteractions(this.inbox);
	}

	@Test
	void anUnreasonablePageSizeIsRefused() throws Exception {
		this.mvc.perform(get("/api/v1/inbox?size=100000"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("size"));
	}

	@Test
	void anUnknownStateIsRefused() throws Exception {
		this.mvc.perform(get("/api/v1/inbox?state=LOST")).andExpect(status().isBadRequest());
	}

}
