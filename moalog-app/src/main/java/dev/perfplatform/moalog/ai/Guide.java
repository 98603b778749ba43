package dev.perfplatform.moalog.ai;

/** A writing guide for one question: a short title ending in "~하기" and what to write about. */
public record Guide(String title, String description) {}
