/**
 * AI analysis of a retrospect and writing guides for one question, each counted against the member's monthly quota.
 *
 * <p>The model is Spring AI's OpenAI chat model ({@link OpenAiAnalyst}), configured by {@code spring.ai.openai.*}, or
 * the offline model ({@link OfflineAnalyst}), a stand-in chosen by {@code moalog.ai.offline}. What is written here and
 * not taken from a library: the prompts (the original service's, in Korean), the checks on what the model answers
 * (exactly three emotions, three missions for every participant, one to three guides), the mapping of the model's
 * failures to the API's codes, and the quota, which is the database's: a conditional {@code UPDATE} in the transaction
 * that stores the result, so a failed call is never charged and concurrent calls cannot overshoot.
 */
@NullMarked
package dev.perfplatform.moalog.ai;

import org.jspecify.annotations.NullMarked;
