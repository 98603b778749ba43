package dev.perfplatform.moalog.api;

import java.util.Map;

/**
 * The code a refused field answers with, as the original service mapped its validator's errors by field name: a
 * field without a code of its own is a {@code COMMON400}. Nested paths ({@code retroRoomOrders[0].orderIndex}) take
 * their top field's code.
 */
final class FieldCodes {

    private static final Map<String, ErrorCode> CODES = Map.of(
            "title", ErrorCode.ROOM_TITLE_INVALID,
            "name", ErrorCode.ROOM_TITLE_INVALID,
            "description", ErrorCode.ROOM_DESCRIPTION_INVALID,
            "projectName", ErrorCode.PROJECT_NAME_INVALID,
            "retroRoomOrders", ErrorCode.INVALID_ORDER,
            "retrospectMethod", ErrorCode.METHOD_INVALID,
            "referenceUrls", ErrorCode.URL_INVALID);

    private FieldCodes() {}

    static ErrorCode of(String field) {
        int end = field.length();
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '.' || c == '[') {
                end = i;
                break;
            }
        }
        return CODES.getOrDefault(field.substring(0, end), ErrorCode.BAD_REQUEST);
    }
}
