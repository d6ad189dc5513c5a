package org.dak.gateway.adapter;

import java.util.Set;

/**
 * The channels items arrive by: a channel adapter is bound to one of them.
 */
public final class Channels {

	public static final Set<String> ALL = Set.of("EMAIL", "POST", "FAX", "SOCIAL_MEDIA", "WALK_IN", "WEB");

	private Channels() {
	}

}
