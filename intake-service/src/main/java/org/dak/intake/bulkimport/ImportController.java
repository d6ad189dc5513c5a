package org.dak.intake.bulkimport;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

import org.dak.platform.Problem;
import org.dak.support.security.DakUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The receipt desk uploads a day's dak register as CSV (UTF-8) and follows its progress.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

	private final DakRegisterImport imports;

	ImportController(DakRegisterImport imports) {
		this.imports = imports;
	}

	/**
	 * Starts the import: 202 with the import, whose progress and report are at its
	 * Location.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<ImportJob> upload(@RequestPart("file") MultipartFile file) throws IOException {
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(file.getBytes()))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new Problem(HttpStatus.UNPROCESSABLE_CONTENT, "import-encoding", "Not UTF-8",
					"Save the register as CSV in UTF-8 (Hindi is kept exactly only then).");
		}
		ImportJob job = this.imports.start(file.getOriginalFilename(), text,
				DakUser.current().map(DakUser::username).orElse("unknown"));
		return ResponseEntity.accepted().location(URI.create("/api/v1/imports/" + job.id())).body(job);
	}

	@GetMapping("/{id}")
	ImportJob progress(@PathVariable String id) {
		return this.imports.find(id)
			.orElseThrow(() -> new Problem(HttpStatus.NOT_FOUND, "import-not-found", "Import not found",
					"There is no import " + id + "."));
	}

}
