package org.dak.tracking.complaintcase;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CaseRepository extends MongoRepository<ComplaintCase, String> {

}
