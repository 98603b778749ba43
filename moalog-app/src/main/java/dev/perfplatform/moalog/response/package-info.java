/**
 * What members read and react to: the submitted answers of a retrospect by question with cursor paging, comments on
 * an answer (cursor paging, newest first), and likes (a toggle, one per member and answer by a unique constraint).
 * Drafts are never shown: an answer is visible once its participant has submitted.
 */
@NullMarked
package dev.perfplatform.moalog.response;

import org.jspecify.annotations.NullMarked;
