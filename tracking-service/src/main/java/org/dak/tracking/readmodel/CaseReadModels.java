package org.dak.tracking.readmodel;

import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.CaseFacts;
import org.dak.tracking.rebuild.RebuildFromTheTopics;
import org.dak.tracking.rebuild.RunningInstances;
import java.util.List;

import org.bson.Document;
import org.dak.support.mongo.Maintenance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.mapping.event.AfterConvertCallback;
import org.springframework.data.mongodb.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@link CaseReadModel read models} up to date: every save of a case is handed
 * to each of them with what was counted for the case before.
 * <p>
 * A stop that let every update through marks the read models current
 * ({@link Maintenance}), and the next start keeps them, reading no case. Otherwise (the
 * first start, a crash, a read model's write that failed after its case's save, or a new
 * {@link #GENERATION}) the start rebuilds them from one pass over the stored cases,
 * before the service takes any event or request. The mark is taken away as the service
 * starts, so that only a clean stop puts it back. The read models and the template are
 * reached when first used: the template is built with these callbacks.
 * <p>
 * First of all, if the operator asked for it, the cases themselves are rebuilt from the
 * topics ({@link RebuildFromTheTopics}), and the read models after them.
 * <p>
 * With several instances, one that starts after a crash while another runs does not
 * rebuild: the running one keeps the read models current, and a rebuild beside its writes
 * would count them twice or lose them. What the crash may have left behind (the figures
 * of the case it was saving as it died) is put right by the next start after a stop of
 * them all.
 */
@Component
class CaseReadModels implements AfterConvertCallback<ComplaintCase>, AfterSaveCallback<ComplaintCase>,
		SmartInitializingSingleton, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(CaseReadModels.class);

	/** Raised whenever a read model changes what it keeps: the next start rebuilds. */
	private static final int GENERATION = 3;

	private final ObjectProvider<CaseReadModel> models;

	private final ObjectProvider<MongoTemplate> mongo;

	private final ObjectProvider<RebuildFromTheTopics> history;

	private final ObjectProvider<RunningInstances> instances;

	private volatile boolean drifted;

	private volatile boolean running;

	CaseReadModels(ObjectProvider<CaseReadModel> models, ObjectProvider<MongoTemplate> mongo,
			ObjectProvider<RebuildFromTheTopics> history, ObjectProvider<RunningInstances> instances) {
		this.models = models;
		this.mongo = mongo;
		this.history = history;
		this.instances = instances;
	}

	@Override
	public ComplaintCase onAfterConvert(ComplaintCase complaintCase, Document document, String collection) {
		complaintCase.counted(complaintCase.facts());
		return complaintCase;
	}

	@Override
	public ComplaintCase onAfterSave(ComplaintCase complaintCase, Document document, String collection) {
		CaseFacts before = complaintCase.counted();
		try {
			this.models.orderedStream().forEach((model) -> model.saved(complaintCase, before));
		}
		catch (RuntimeException ex) {
			// the case is stored, its read models may not have followed: rebuild next
			// time
			this.drifted = true;
			throw ex;
		}
		complaintCase.counted(complaintCase.facts());
		return complaintCase;
	}

	@Override
	public void afterSingletonsInstantiated() {
		// whether a sibling runs, then this one's first beat: of two starting together
		// the
		// later one sees the first
		RunningInstances running = this.instances.getObject();
		boolean siblings = running.othersRunning();
		running.beat();
		Maintenance maintenance = new Maintenance(this.mongo.getObject());
		String current = current();
		boolean casesRebuilt = this.history.getObject().rebuildIfRequested() != null;
		if (maintenance.isDone(current)) {
			maintenance.undo(current);
			if (!casesRebuilt) {
				log.info("Read models kept: the last run stopped cleanly");
				return;
			}
		}
		if (!casesRebuilt && siblings) {
			log.warn("Read models kept: another instance of tracking runs and keeps them current "
					+ "(what a crash of this one left is put right after a stop of them all)");
			return;
		}
		long start = System.nanoTime();
		List<CaseReadModel> all = this.models.orderedStream().toList();
		all.forEach(CaseReadModel::rebuildStarts);
		MongoConverter converter = this.mongo.getObject().getConverter();
		int count = maintenance.scan(this.mongo.getObject().getCollectionName(ComplaintCase.class), new Document(),
				null, (document) -> {
					ComplaintCase complaintCase = converter.read(ComplaintCase.class, document);
					all.forEach((model) -> model.rebuild(complaintCase));
				});
		all.forEach(CaseReadModel::rebuildEnds);
		this.drifted = false;
		log.info("Read models rebuilt from {} cases in {} ms", count, (System.nanoTime() - start) / 1_000_000);
	}

	/** The mark of read models that match the stored cases. */
	private String current() {
		return "read models match the cases: "
				+ this.models.orderedStream().map((model) -> model.getClass().getSimpleName()).sorted().toList()
				+ ", generation " + GENERATION;
	}

	@Override
	public void start() {
		this.running = true;
	}

	/** Runs after the listeners, the web server and the timers have stopped. */
	@Override
	public void stop() {
		this.running = false;
		if (this.drifted) {
			log.warn("A read model missed an update: the next start rebuilds them");
			return;
		}
		new Maintenance(this.mongo.getObject()).done(current());
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return 0;
	}

}
