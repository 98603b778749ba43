package dev.perfplatform.fluxpay.merchant;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.core.annotation.AuthenticationPrincipal;

/**
 * The authenticated merchant of a {@code /api/v1} handler's request. The path rules let only merchants reach those
 * handlers; a principal of any other type fails the request instead of reaching the handler as another caller.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@AuthenticationPrincipal(errorOnInvalidType = true)
public @interface CurrentMerchant {}
