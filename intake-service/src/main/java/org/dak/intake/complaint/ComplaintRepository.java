package org.dak.intake.complaint;

import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

interface ComplaintRepository extends MongoRepository<Complaint, String> {

	Optional<Complaint> findByIdempotencyKey(String idempotencyKey);

}
