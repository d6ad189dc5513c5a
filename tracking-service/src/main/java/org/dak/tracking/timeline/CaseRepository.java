package org.dak.tracking.timeline;

import java.util.List;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CaseRepository extends MongoRepository<ComplaintCase, String> {

	Page<ComplaintCase> findByDepartmentCode(String departmentCode, Pageable pageable);

	Page<ComplaintCase> findByDepartmentCodeAndStatus(String departmentCode, CaseStatus status, Pageable pageable);

	List<ComplaintCase> findByBreachedAtIsNullAndDueDateIsNotNull();

	List<ComplaintCase> findByStatusIn(List<CaseStatus> statuses);

}
