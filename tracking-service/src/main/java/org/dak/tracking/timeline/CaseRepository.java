package org.dak.tracking.timeline;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CaseRepository extends MongoRepository<ComplaintCase, String> {

}
