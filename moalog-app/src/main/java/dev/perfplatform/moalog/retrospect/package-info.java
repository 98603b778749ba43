/**
 * Retrospects: created in a room for a future date and time in one of five formats of five questions each, with
 * reference links; members take part before it starts, save drafts, and submit once; the room's list, a retrospect's
 * detail, each member's storage by period, search, and deletion by the room's owner or the retrospect's creator.
 */
@NullMarked
package dev.perfplatform.moalog.retrospect;

import org.jspecify.annotations.NullMarked;
