/** Members: their accounts (one per e-mail and provider), {@code /members/me} and withdrawal. */
@NullMarked
package dev.perfplatform.moalog.member;

import org.jspecify.annotations.NullMarked;
