import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs members up through moalog's real login path, as the web client does after the provider redirects back:
 * the provider simulator's authorize (a code for the e-mail) -> POST /api/v1/auth/social-login (AUTH2001 and a
 * sign-up token) -> POST /api/v1/auth/signup with that token (the member, and its access token as a cookie).
 * Prints one line per member, "memberId accessToken", in the order of the nicknames bench0001, bench0002, ...
 * Any refusal stops the program with a non-zero exit and the answer that was refused.
 *
 * <p>Usage: java moalog-app/bench/SignUp.java &lt;base url&gt; &lt;members&gt; &lt;threads&gt;
 */
public class SignUp {

    private static final String REDIRECT = "http://localhost:5173/callback";
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Pattern MEMBER_ID = Pattern.compile("\"memberId\":(\\d+)");

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: java SignUp.java <base url> <members> <threads>");
            System.exit(2);
        }
        String base = args[0];
        int members = Integer.parseInt(args[1]);
        ExecutorService pool = Executors.newFixedThreadPool(Integer.parseInt(args[2]));
        List<Future<String>> lines = new ArrayList<>();
        for (int i = 1; i <= members; i++) {
            String nickname = String.format("bench%04d", i);
            lines.add(pool.submit(() -> signUp(base, nickname)));
        }
        StringBuilder out = new StringBuilder();
        try {
            for (Future<String> line : lines) {
                out.append(line.get()).append('\n');
            }
        } finally {
            pool.shutdownNow();
        }
        System.out.print(out);
    }

    private static String signUp(String base, String nickname) throws Exception {
        String email = nickname + "@bench.example";
        HttpResponse<String> redirect = send(HttpRequest.newBuilder(URI.create(base
                        + "/sim/oauth/kakao/authorize?redirect_uri=" + encode(REDIRECT) + "&state=s&login_hint="
                        + encode(email)))
                .GET());
        Optional<String> location = redirect.headers().firstValue("Location");
        Matcher code = CODE.matcher(location.orElse(""));
        if (redirect.statusCode() != 302 || !code.find()) {
            throw refused("authorize", redirect);
        }
        HttpResponse<String> login = send(json(base + "/api/v1/auth/social-login", "{\"provider\":\"KAKAO\",\"code\":\""
                + code.group(1) + "\",\"redirectUri\":\"" + REDIRECT + "\"}"));
        String signUpToken = cookie(login, "signup_token");
        if (login.statusCode() != 200 || !login.body().contains("\"AUTH2001\"") || signUpToken == null) {
            throw refused("social-login", login);
        }
        HttpResponse<String> signUp = send(json(base + "/api/v1/auth/signup", "{\"nickname\":\"" + nickname + "\"}")
                .header("Authorization", "Bearer " + signUpToken));
        String accessToken = cookie(signUp, "access_token");
        Matcher memberId = MEMBER_ID.matcher(signUp.body());
        if (signUp.statusCode() != 200 || accessToken == null || !memberId.find()) {
            throw refused("signup", signUp);
        }
        return memberId.group(1) + " " + accessToken;
    }

    private static HttpRequest.Builder json(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value the answer sets for cookie {@code name}, or null. */
    private static String cookie(HttpResponse<String> response, String name) {
        for (String header : response.headers().allValues("Set-Cookie")) {
            if (header.startsWith(name + "=")) {
                String value = header.substring(name.length() + 1).split(";", 2)[0];
                return value.isEmpty() ? null : value;
            }
        }
        return null;
    }

    private static IllegalStateException refused(String step, HttpResponse<String> response) {
        return new IllegalStateException(
                step + " refused: " + response.statusCode() + " " + response.headers().map() + " " + response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
