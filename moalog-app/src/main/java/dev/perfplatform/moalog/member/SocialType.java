package dev.perfplatform.moalog.member;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.perfplatform.moalog.api.ApiException;
import dev.perfplatform.moalog.api.ErrorCode;
import java.util.Locale;

/** The provider a member signs in with. Read case-insensitively ({@code "KAKAO"}, {@code "Kakao"}, {@code "kakao"}). */
public enum SocialType {
    KAKAO,
    GOOGLE;

    @JsonCreator
    public static SocialType of(String name) {
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ApiException(ErrorCode.BAD_REQUEST, "provider: KAKAO 또는 GOOGLE이어야 합니다.");
        }
    }
}
