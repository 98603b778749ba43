package dev.perfplatform.moalog.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * The signed-in member of a handler's request, as a {@link SignedIn}. The rules let only authenticated members reach
 * such handlers; a principal of any other type fails the request instead of reaching the handler as someone else.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AuthenticationPrincipal(errorOnInvalidType = true)
public @interface CurrentMember {}
