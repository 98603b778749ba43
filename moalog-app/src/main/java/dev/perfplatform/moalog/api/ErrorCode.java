package dev.perfplatform.moalog.api;

import org.springframework.http.HttpStatus;

/**
 * Every failure the API answers with. The wire codes are the original service's, so its web client keeps working;
 * where the original gave one code several meanings ({@code RETRO4002}, {@code RETRO4003}, {@code RETRO4091}) each
 * meaning is a constant of its own with the shared code and a message that says which it is.
 */
public enum ErrorCode {
    BAD_REQUEST("COMMON400", HttpStatus.BAD_REQUEST, "잘못된 요청입니다."),
    FORBIDDEN("COMMON403", HttpStatus.FORBIDDEN, "접근 권한이 없습니다."),
    FOREIGN_ORIGIN("COMMON403", HttpStatus.FORBIDDEN, "허용되지 않은 출처(Origin)의 요청입니다. 쿠키로 인증하는 변경 요청에는 허용된 Origin이 필요합니다."),
    NOT_FOUND("COMMON404", HttpStatus.NOT_FOUND, "요청한 리소스를 찾을 수 없습니다."),
    METHOD_NOT_ALLOWED("COMMON405", HttpStatus.METHOD_NOT_ALLOWED, "허용되지 않은 HTTP 메서드입니다."),
    NOT_ACCEPTABLE("COMMON406", HttpStatus.NOT_ACCEPTABLE, "JSON으로만 응답할 수 있습니다."),
    NICKNAME_TAKEN("COMMON409", HttpStatus.CONFLICT, "이미 사용 중인 닉네임입니다."),
    ACCOUNT_EXISTS("COMMON409", HttpStatus.CONFLICT, "이미 가입된 계정입니다. 다시 로그인해주세요."),
    BODY_TOO_LARGE("COMMON413", HttpStatus.CONTENT_TOO_LARGE, "요청 본문이 너무 큽니다."),
    UNSUPPORTED_MEDIA_TYPE("COMMON415", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type은 application/json이어야 합니다."),
    INTERNAL_ERROR("COMMON500", HttpStatus.INTERNAL_SERVER_ERROR, "서버 에러, 관리자에게 문의 바랍니다."),
    PDF_FONT_MISSING("COMMON500", HttpStatus.INTERNAL_SERVER_ERROR, "PDF 글꼴을 사용할 수 없어 PDF를 만들 수 없습니다. 관리자에게 문의 바랍니다."),
    UNAVAILABLE("COMMON503", HttpStatus.SERVICE_UNAVAILABLE, "서비스를 사용할 수 없습니다: 데이터베이스 등 필요한 구성 요소가 응답하지 않습니다."),

    UNAUTHORIZED("AUTH4001", HttpStatus.UNAUTHORIZED, "인증이 필요합니다. 유효한 액세스 토큰이 없습니다."),
    SOCIAL_AUTH_FAILED("AUTH4002", HttpStatus.UNAUTHORIZED, "소셜 로그인에 실패했습니다."),
    INVALID_TOKEN("AUTH4003", HttpStatus.BAD_REQUEST, "유효하지 않은 토큰입니다."),
    INVALID_REFRESH_TOKEN("AUTH4004", HttpStatus.UNAUTHORIZED, "유효하지 않거나 만료된 리프레시 토큰입니다."),

    ROOM_TITLE_INVALID("RETRO4001", HttpStatus.BAD_REQUEST, "회고방 이름은 공백이 아닌 1~20자여야 합니다."),
    ROOM_DESCRIPTION_INVALID("COMMON400", HttpStatus.BAD_REQUEST, "회고방 설명은 50자 이하여야 합니다."),
    PROJECT_NAME_INVALID("RETRO4001", HttpStatus.BAD_REQUEST, "프로젝트 이름은 공백이 아닌 1~20자여야 합니다."),
    INVALID_INVITE_LINK("RETRO4002", HttpStatus.BAD_REQUEST, "유효하지 않은 초대 링크입니다."),
    RETROSPECT_ALREADY_STARTED("RETRO4002", HttpStatus.BAD_REQUEST, "이미 시작된 회고에는 참여할 수 없습니다."),
    ANSWERS_MISSING("RETRO4002", HttpStatus.BAD_REQUEST, "1~5번 질문에 하나씩, 다섯 개의 답변을 모두 제출해야 합니다."),
    INVITE_EXPIRED("RETRO4003", HttpStatus.BAD_REQUEST, "만료된 초대 링크입니다. 방장에게 새 초대 링크를 요청해주세요."),
    ANSWER_TOO_LONG("RETRO4003", HttpStatus.BAD_REQUEST, "답변은 1,000자 이하여야 합니다."),
    INVALID_ORDER("RETRO4004", HttpStatus.BAD_REQUEST, "회고방 순서 정보가 올바르지 않습니다."),
    INVALID_CATEGORY("RETRO4004", HttpStatus.BAD_REQUEST, "category는 ALL 또는 QUESTION_1~QUESTION_5여야 합니다."),
    METHOD_INVALID("RETRO4005", HttpStatus.BAD_REQUEST, "retrospectMethod는 KPT, FOUR_L, FIVE_F, PMI, FREE 중 하나여야 합니다."),
    URL_INVALID("RETRO4006", HttpStatus.BAD_REQUEST, "참고 링크는 2,048자 이하의 서로 다른 http(s) URL이어야 하며 10개까지입니다."),
    ANSWER_BLANK("RETRO4007", HttpStatus.BAD_REQUEST, "공백만으로 된 답변은 제출할 수 없습니다."),
    NOT_ROOM_MEMBER("RETRO4031", HttpStatus.FORBIDDEN, "회고방 멤버가 아닙니다."),
    NOT_ROOM_OWNER("RETRO4031", HttpStatus.FORBIDDEN, "회고방 방장만 할 수 있습니다."),
    NOT_PARTICIPANT("RETRO4031", HttpStatus.FORBIDDEN, "회고 참여자만 할 수 있습니다. 먼저 회고에 참여해주세요."),
    DELETE_DENIED("RETRO4031", HttpStatus.FORBIDDEN, "회고는 방장이나 회고를 만든 사람만 삭제할 수 있습니다."),
    ALREADY_SUBMITTED("RETRO4033", HttpStatus.FORBIDDEN, "이미 제출한 회고입니다."),
    QUESTION_NOT_FOUND("RETRO4043", HttpStatus.NOT_FOUND, "질문을 찾을 수 없습니다. 질문 번호는 1~5입니다."),
    NOT_ANALYZED("RETRO4041", HttpStatus.NOT_FOUND, "아직 분석되지 않은 회고입니다."),
    ROOM_NOT_FOUND("RETRO4041", HttpStatus.NOT_FOUND, "회고방을 찾을 수 없습니다."),
    RETROSPECT_NOT_FOUND("RETRO4041", HttpStatus.NOT_FOUND, "회고를 찾을 수 없습니다."),
    ROOM_TITLE_TAKEN("RETRO4091", HttpStatus.CONFLICT, "이미 같은 이름의 회고방을 갖고 있습니다."),
    ALREADY_PARTICIPANT("RETRO4091", HttpStatus.CONFLICT, "이미 참여 중인 회고입니다."),
    ALREADY_ANALYZED("RETRO4091", HttpStatus.CONFLICT, "이미 분석된 회고입니다."),
    ALREADY_MEMBER("RETRO4092", HttpStatus.CONFLICT, "이미 참여 중인 회고방입니다."),
    INSUFFICIENT_DATA(
            "RETRO4221", HttpStatus.UNPROCESSABLE_CONTENT, "분석하려면 제출한 참여자가 한 명 이상, 공백이 아닌 답변이 3개 이상 있어야 합니다."),
    COMMENT_INVALID("RES4001", HttpStatus.BAD_REQUEST, "댓글은 공백이 아닌 1~200자여야 합니다."),
    RESPONSE_NOT_FOUND("RES4041", HttpStatus.NOT_FOUND, "답변을 찾을 수 없습니다."),
    SEARCH_KEYWORD_INVALID("SEARCH4001", HttpStatus.BAD_REQUEST, "검색어는 공백이 아닌 1~20자여야 합니다."),
    MEMBER_NOT_FOUND("MEMBER4042", HttpStatus.NOT_FOUND, "회원을 찾을 수 없습니다."),
    AI_ANALYSIS_LIMIT("AI4031", HttpStatus.FORBIDDEN, "이번 달 AI 분석 횟수를 모두 사용했습니다."),
    AI_GUIDE_LIMIT("AI4032", HttpStatus.FORBIDDEN, "이번 달 AI 작성 가이드 횟수를 모두 사용했습니다."),
    AI_UNPARSEABLE("AI5001", HttpStatus.INTERNAL_SERVER_ERROR, "AI 분석 결과를 해석하지 못했습니다. 잠시 후 다시 시도해주세요."),
    AI_UNAUTHORIZED("AI5002", HttpStatus.INTERNAL_SERVER_ERROR, "AI 서비스에 연결하지 못했습니다: 인증에 실패했습니다."),
    AI_FAILED("AI5003", HttpStatus.INTERNAL_SERVER_ERROR, "AI 서비스 호출 중 오류가 발생했습니다."),
    AI_UNAVAILABLE("AI5031", HttpStatus.SERVICE_UNAVAILABLE, "AI 서비스가 잠시 응답하지 않습니다. 잠시 후 다시 시도해주세요."),
    RATE_LIMITED("RATE4291", HttpStatus.TOO_MANY_REQUESTS, "요청이 너무 많습니다. 잠시 후 다시 시도해주세요.");

    private final String code;
    private final HttpStatus status;
    private final String message;

    ErrorCode(String code, HttpStatus status, String message) {
        this.code = code;
        this.status = status;
        this.message = message;
    }

    /** The code on the wire, e.g. {@code RETRO4002}. */
    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The default message, in Korean as the web client shows it. */
    public String message() {
        return message;
    }
}
