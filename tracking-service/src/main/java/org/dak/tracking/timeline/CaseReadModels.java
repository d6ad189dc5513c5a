package org.dak.tracking.timeline;

import java.util.List;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link CaseReadModel read models} up to date: every save of a case is handed
 * to each of them with what was counted for the case before, and at start-up, before the
 * service takes any event or request, they are rebuilt from one pass over the stored
 * cases. The read models and the template are reached when first used: the template is
 * built with these callbacks.
 */
@Component
class CaseReadModels
		implements AfterConvertCallback<ComplaintCase>, AfterSaveCallback<ComplaintCase>, SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(CaseReadModels.class);

	private final ObjectProvider<CaseReadModel> models;

	private final ObjectProvider<MongoTemplate> mongo;

	CaseReadModels(ObjectProvider<CaseReadModel> models, ObjectProvider<MongoTemplate> mongo) {
		this.models = models;
		this.mongo = mongo;
	}

	@Override
	public ComplaintCase onAfterConvert(ComplaintCase complaintCase, Document document, String collection) {
		complaintCase.counted(complaintCase.facts());
		return complaintCase;
	}

	@Override
	public ComplaintCase onAfterSave(ComplaintCase complaintCase, Document document, String collection) {
		CaseFacts before = complaintCase.counted();
		this.models.orderedStream().forEach((model) -> model.saved(complaintCase, before));
		complaintCase.counted(complaintCase.facts());
		return complaintCase;
	}

	@Override
	public void afterSingletonsInstantiated() {
		long start = System.nanoTime();
		List<CaseReadModel> all = this.models.orderedStream().toList();
		all.forEach(CaseReadModel::rebuildStarts);
		int count = 0;
		try (var cases = this.mongo.getObject().stream(new Query(), ComplaintCase.class)) {
			for (ComplaintCase complaintCase : (Iterable<ComplaintCase>) cases::iterator) {
				all.forEach((model) -> model.rebuild(complaintCase));
				count++;
			}
		}
		all.forEach(CaseReadModel::rebuildEnds);
		log.info("Read models rebuilt from {} cases in {} ms", count, (System.nanoTime() - start) / 1_000_000);
	}

}
