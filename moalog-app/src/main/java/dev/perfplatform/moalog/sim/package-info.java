/**
 * The OAuth provider simulator, a stand-in that is off unless {@code moalog.provider-simulator.enabled=true}: Kakao's
 * and Google's authorization, token and user-info endpoints with their documented wire shapes, so a local run signs
 * members up through the real login code with no outside service. Hand-written: it is a fake of two particular
 * providers, which no library offers.
 */
@NullMarked
package dev.perfplatform.moalog.sim;

import org.jspecify.annotations.NullMarked;
