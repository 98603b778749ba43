package dev.perfplatform.moalog.ai;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The AI settings ({@code moalog.ai.*}); the OpenAI model's own are Spring AI's {@code spring.ai.openai.*}.
 *
 * @param offline use the offline model, a stand-in ({@code MOALOG_AI_OFFLINE}; on by default only in the embedded
 *     development mode); without it the OpenAI model answers and start-up fails when {@code OPENAI_API_KEY} is unset
 */
@ConfigurationProperties("moalog.ai")
public record AiSettings(boolean offline) {}
