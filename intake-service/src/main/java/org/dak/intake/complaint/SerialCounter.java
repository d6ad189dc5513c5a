package org.dak.intake.complaint;

import org.bson.Document;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Per-district, per-year serial numbers from one atomic find-and-modify: two desks never
 * get the same number, whichever instance they reach.
 */
@Component
class SerialCounter {

	private final MongoTemplate mongo;

	SerialCounter(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	long next(String districtCode, int year) {
		Document counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(districtCode + "-" + year)),
				new Update().inc("seq", 1L), FindAndModifyOptions.options().upsert(true).returnNew(true),
				Document.class, "counters");
		return ((Number) counter.get("seq")).longValue();
	}

}
