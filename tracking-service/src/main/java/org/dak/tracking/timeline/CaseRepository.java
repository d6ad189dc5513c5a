package org.dak.tracking.timeline;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CaseRepository extends MongoRepository<ComplaintCase, String> {

	List<ComplaintCase> findByBreachedAtIsNullAndDueDateIsNotNull();

	List<ComplaintCase> findByStatusIn(List<CaseStatus> statuses);

}
