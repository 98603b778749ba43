package dev.perfplatform.moalog.ai;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import reactor.core.publisher.Mono;

/**
 * The offline model, a stand-in ({@code moalog.ai.offline}): analyses and guides in the same shape as the OpenAI
 * model's, made from the answers themselves with no network — emotions by counting the answers that use words of a
 * small lexicon, missions from each participant's three longest answers, guides from the draft's length and content.
 * Every result says {@code "offline": true}. It exists so that a local run and the load tests exercise the whole path
 * (quota, storage, reading back) without an OpenAI key; it is not an analysis anyone should pay for.
 */
final class OfflineAnalyst implements Analyst {

    private record Lexicon(String label, String description, List<String> stems) {}

    private static final List<Lexicon> EMOTIONS = List.of(
            new Lexicon("기쁨", "함께 해낸 일에서 즐거움을 느꼈어요.", List.of("좋았", "기뻤", "즐거", "재미", "행복", "신났")),
            new Lexicon("뿌듯", "끝까지 완성한 결과를 자랑스러워했어요.", List.of("뿌듯", "성취", "해냈", "완성", "자랑")),
            new Lexicon("성장", "새로 배운 것이 많았다고 느꼈어요.", List.of("배웠", "배운", "성장", "알게", "새롭", "익혔")),
            new Lexicon("감사", "서로에게 고마운 마음이 컸어요.", List.of("감사", "고마", "덕분")),
            new Lexicon("답답", "막히는 순간이 있어 답답했어요.", List.of("답답", "막막", "어려", "부족", "아쉬")),
            new Lexicon("피로", "바쁜 일정에 지친 순간이 있었어요.", List.of("힘들", "지쳤", "피곤", "야근", "바빴")),
            new Lexicon("걱정", "앞으로의 일을 걱정하는 마음이 있었어요.", List.of("걱정", "불안", "두려", "우려")),
            new Lexicon("설렘", "다음을 기대하는 마음이 보였어요.", List.of("기대", "설레", "바라", "다음에")));

    private static final List<Analysis.Mission> MISSION_TEMPLATES = List.of(
            new Analysis.Mission("좋았던 점 이어가기", "'%s'라고 적었어요. 다음 회고 전까지 이 좋은 점을 한 번 더 실천해 봐요."),
            new Analysis.Mission("아쉬운 점 하나 고치기", "'%s'라고 적었어요. 이번 주에 바꿀 수 있는 작은 행동 하나를 정해 봐요."),
            new Analysis.Mission("새로운 시도 해보기", "'%s'라고 적었어요. 다음 일정에 직접 시도해 보고 결과를 나눠 봐요."),
            new Analysis.Mission("느낀 점 팀과 나누기", "'%s'라고 적었어요. 이 생각을 팀과 짧게 이야기해 봐요."),
            new Analysis.Mission("남은 의견 전하기", "'%s'라고 적었어요. 필요한 사람에게 직접 전해 봐요."));

    private static final List<Analysis.Mission> FILLER_MISSIONS = List.of(
            new Analysis.Mission("빈 질문에 답해보기", "비워 둔 질문이 있어요. 다음 회고에서는 한 줄이라도 남겨 봐요."),
            new Analysis.Mission("한 가지 기록하기", "이번 주에 있었던 일 하나를 짧게 기록해 봐요."),
            new Analysis.Mission("팀원에게 한마디 하기", "고마웠던 팀원에게 한마디를 직접 전해 봐요."));

    private static final int SNIPPET = 20;

    @Override
    public Mono<Analysis> analyse(AnalysisInput input) {
        return Mono.fromSupplier(() -> analysis(input));
    }

    @Override
    public Mono<List<Guide>> guide(GuideInput input) {
        return Mono.fromSupplier(() -> guides(input));
    }

    @Override
    public boolean offline() {
        return true;
    }

    static Analysis analysis(AnalysisInput input) {
        List<String> answers = input.participants().stream()
                .flatMap(participant -> participant.answers().stream())
                .filter(answer -> !answer.isBlank())
                .toList();
        List<Analysis.Emotion> counted = new ArrayList<>();
        for (Lexicon emotion : EMOTIONS) {
            int count = (int)
                    answers.stream().filter(answer -> mentions(answer, emotion)).count();
            counted.add(new Analysis.Emotion(0, emotion.label(), emotion.description(), count));
        }
        // equal counts keep the lexicon's order
        List<Analysis.Emotion> ranked = Analysis.Emotion.rankedByCount(counted, ModelAnswers.EMOTIONS);
        List<Analysis.PersonalMissions> missions = input.participants().stream()
                .sorted(Comparator.comparingLong(AnalysisInput.Participant::userId))
                .map(participant -> new Analysis.PersonalMissions(
                        participant.userId(), participant.userName(), missions(participant)))
                .toList();
        return new Analysis(
                insight(input.participants().size(), answers.size(), ranked.get(0)), ranked, missions, true);
    }

    private static String insight(int participants, int answers, Analysis.Emotion top) {
        return top.count() == 0
                ? "참여자 " + participants + "명이 답변 " + answers + "개를 남겼어요."
                : "참여자 " + participants + "명이 남긴 답변 " + answers + "개에서 '" + top.label() + "' 감정이 가장 많이 드러났어요.";
    }

    private static boolean mentions(String answer, Lexicon emotion) {
        return emotion.stems().stream().anyMatch(answer::contains);
    }

    /** Missions from the participant's three longest answers, in question order; fillers where it answered fewer. */
    private static List<Analysis.Mission> missions(AnalysisInput.Participant participant) {
        List<Integer> longest = new ArrayList<>();
        for (int i = 0; i < participant.answers().size(); i++) {
            if (!participant.answers().get(i).isBlank()) {
                longest.add(i);
            }
        }
        longest.sort(Comparator.comparingInt(
                        (Integer i) -> participant.answers().get(i).strip().length())
                .reversed());
        List<Integer> chosen = new ArrayList<>(longest.subList(0, Math.min(ModelAnswers.MISSIONS, longest.size())));
        chosen.sort(Comparator.naturalOrder());
        List<Analysis.Mission> missions = new ArrayList<>();
        for (int question : chosen) {
            Analysis.Mission template = MISSION_TEMPLATES.get(Math.min(question, MISSION_TEMPLATES.size() - 1));
            missions.add(new Analysis.Mission(
                    template.missionTitle(),
                    String.format(
                            Locale.ROOT,
                            template.missionDesc(),
                            snippet(participant.answers().get(question)))));
        }
        for (int i = 0; missions.size() < ModelAnswers.MISSIONS; i++) {
            missions.add(FILLER_MISSIONS.get(i));
        }
        return List.copyOf(missions);
    }

    private static String snippet(String answer) {
        String flat = answer.strip().replaceAll("\\s+", " ");
        return flat.length() <= SNIPPET ? flat : flat.substring(0, SNIPPET) + "…";
    }

    static List<Guide> guides(GuideInput input) {
        String draft = input.draft();
        if (draft == null) {
            return List.of(
                    new Guide("장면 하나 떠올리기", "가장 먼저 떠오르는 순간 하나를 구체적으로 적어 봐요."),
                    new Guide("이유 함께 적기", "왜 그렇게 느꼈는지 이유를 한 문장 덧붙여 봐요."),
                    new Guide("다음 행동 정하기", "이 경험을 다음에 어떻게 이어갈지 적어 봐요."));
        }
        Guide first = draft.strip().length() < 50
                ? new Guide("예시 더하기", "초안이 짧아요. 실제로 있었던 일을 하나 덧붙여 봐요.")
                : new Guide("핵심 먼저 쓰기", "초안에서 가장 하고 싶은 말을 첫 문장으로 올려 봐요.");
        Guide second = draft.chars().anyMatch(Character::isDigit)
                ? new Guide("느낀 점 덧붙이기", "적어 둔 사실 옆에 그때의 감정을 한 문장 적어 봐요.")
                : new Guide("숫자로 말하기", "횟수나 기간처럼 숫자로 보여 주면 더 분명해져요.");
        return List.of(first, second, new Guide("다음 행동 적기", "초안 끝에 다음에 해 볼 행동 하나를 적어 봐요."));
    }
}
