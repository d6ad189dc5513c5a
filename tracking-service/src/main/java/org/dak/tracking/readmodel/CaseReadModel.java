package org.dak.tracking.readmodel;

import org.dak.tracking.complaintcase.ComplaintCase;
import org.dak.tracking.complaintcase.CaseFacts;

/**
 * A view of the cases kept up to date as they are saved, so that what it answers never
 * needs the whole archive read. It is rebuilt from the stored cases at a start-up that
 * follows anything but a clean stop (see {@link CaseReadModels}), before the service
 * takes any work, which puts right whatever a crash between a case's save and the view's
 * update left behind.
 */
public interface CaseReadModel {

	/** The rebuild begins: forget everything. */
	void rebuildStarts();

	/** One stored case, during the rebuild. */
	void rebuild(ComplaintCase complaintCase);

	/** Every stored case has been seen. */
	void rebuildEnds();

	/**
	 * A case was saved.
	 * @param complaintCase the case as saved
	 * @param before what was counted for it before ({@code null} for a new case)
	 */
	void saved(ComplaintCase complaintCase, CaseFacts before);

}
