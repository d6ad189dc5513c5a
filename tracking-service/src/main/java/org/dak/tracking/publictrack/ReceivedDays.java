package org.dak.tracking.publictrack;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.dak.contracts.OfficeTime;
import org.dak.items.identity.ReceiptNumbers;
import org.dak.tracking.complaintcase.CaseFacts;
import org.dak.tracking.readmodel.CaseReadModel;
import org.dak.tracking.complaintcase.ComplaintCase;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * For each day and district, the first and last receipt serial received that day: what
 * lets the public request list walk the items of a date range by their IDs, newest first,
 * reading only as many cases as it answers with, however large the archive (the embedded
 * store reads whole collections for anything but an ID).
 */
@Component
class ReceivedDays implements CaseReadModel {

	static final String COLLECTION = "received_days";

	static final String DISTRICTS = "received_districts";

	private final MongoTemplate mongo;

	private final Map<String, ReceivedDay> rebuilt = new HashMap<>();

	private final java.util.Set<String> districts = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private volatile boolean districtsRead;

	ReceivedDays(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/**
	 * One day of one district.
	 *
	 * @param id the district and date, e.g. {@code NAL-2026-12-01}
	 * @param first the lowest serial received that day
	 * @param last the highest
	 */
	@org.springframework.data.mongodb.core.mapping.Document(COLLECTION)
	record ReceivedDay(@Id String id, long first, long last) {

		/** The district its receipt numbers carry, e.g. {@code NAL}. */
		String districtCode() {
			return this.id.substring(0, this.id.length() - LocalDate.EPOCH.toString().length() - 1);
		}

		/** The day, in office time. */
		LocalDate date() {
			return LocalDate.parse(this.id.substring(this.id.length() - LocalDate.EPOCH.toString().length()));
		}

		ReceivedDay with(long serial) {
			return new ReceivedDay(this.id, Math.min(this.first, serial), Math.max(this.last, serial));
		}

	}

	static String key(String districtCode, LocalDate day) {
		return districtCode + "-" + day;
	}

	/** The days asked for, as far as items were received on them. */
	List<ReceivedDay> of(String districtCode, List<LocalDate> days) {
		List<String> ids = days.stream().map((day) -> key(districtCode, day)).toList();
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), ReceivedDay.class);
	}

	/**
	 * The districts whose items this office has received: kept in memory, read once from
	 * their own small collection (one document a district, never the days).
	 */
	List<String> districts() {
		if (!this.districtsRead) {
			this.mongo.findAll(org.bson.Document.class, DISTRICTS)
				.forEach((district) -> this.districts.add(district.getString("_id")));
			this.districtsRead = true;
		}
		return this.districts.stream().sorted().toList();
	}

	private void remember(String districtCode) {
		if (!this.districts.contains(districtCode)) {
			this.mongo.upsert(Query.query(Criteria.where("_id").is(districtCode)),
					new Update().setOnInsert("districtCode", districtCode), DISTRICTS);
			this.districts.add(districtCode);
		}
	}

	private static Optional<ReceivedDay> dayOf(ComplaintCase complaintCase) {
		if (complaintCase.receivedAt() == null) {
			return Optional.empty();
		}
		LocalDate day = complaintCase.receivedAt().atZone(OfficeTime.ZONE).toLocalDate();
		return ReceiptNumbers.parse(complaintCase.id())
			.map((parts) -> new ReceivedDay(key(parts.districtCode(), day), parts.serial(), parts.serial()));
	}

	@Override
	public void rebuildStarts() {
		this.mongo.remove(new Query(), ReceivedDay.class);
		this.mongo.remove(new Query(), DISTRICTS);
		this.rebuilt.clear();
		this.districts.clear();
		this.districtsRead = true;
	}

	@Override
	public void rebuild(ComplaintCase complaintCase) {
		dayOf(complaintCase).ifPresent((day) -> this.rebuilt.merge(day.id(), day,
				(known, next) -> known.with(next.first()).with(next.last())));
	}

	@Override
	public void rebuildEnds() {
		if (!this.rebuilt.isEmpty()) {
			try {
				this.mongo.insert(List.copyOf(this.rebuilt.values()), ReceivedDay.class);
			}
			catch (DataIntegrityViolationException | BulkOperationException ex) {
				// another instance, starting too, wrote some of them: widen each day
				this.rebuilt.values()
					.forEach((day) -> this.mongo.findAndModify(Query.query(Criteria.where("_id").is(day.id())),
							new Update().min("first", day.first()).max("last", day.last()),
							FindAndModifyOptions.options().upsert(true), ReceivedDay.class));
			}
			this.rebuilt.values().forEach((day) -> remember(day.districtCode()));
			this.rebuilt.clear();
		}
	}

	@Override
	public void saved(ComplaintCase complaintCase, CaseFacts before) {
		if (before != null && before.receivedAt() != null) {
			// its day is written already: a change of status does not move it
			return;
		}
		dayOf(complaintCase).ifPresent((day) -> {
			this.mongo.findAndModify(Query.query(Criteria.where("_id").is(day.id())),
					new Update().min("first", day.first()).max("last", day.last()),
					FindAndModifyOptions.options().upsert(true), ReceivedDay.class);
			remember(day.districtCode());
		});
	}

}
