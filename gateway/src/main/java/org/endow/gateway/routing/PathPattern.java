package org.endow.gateway.routing;

import io.micronaut.core.util.PathMatcher;
import java.util.List;

/**
 * An Ant-style path pattern of the gateway's configuration ({@code /api/**}, {@code /signin}), read once instead of
 * on every request: Micronaut's {@link PathMatcher#ANT} tokenises the pattern and the path at each call, which was a
 * few per cent of the gateway's CPU per proxied request (the admission and rate-limit filters ask for each request).
 * The two shapes the configuration uses, an exact path and a literal prefix followed by {@code /**}, are answered with
 * string comparisons; any other pattern still goes to the Ant matcher. {@code PathPatternTest} checks that both agree.
 */
public final class PathPattern {

    private enum Shape {
        EXACT,
        PREFIX,
        ANT
    }

    private final String pattern;
    private final Shape shape;
    private final String literal;

    private PathPattern(String pattern) {
        this.pattern = pattern;
        if (!hasWildcard(pattern)) {
            shape = Shape.EXACT;
            literal = pattern;
        } else if (pattern.endsWith("/**") && !hasWildcard(pattern.substring(0, pattern.length() - 3))) {
            shape = Shape.PREFIX;
            literal = pattern.substring(0, pattern.length() - 3);
        } else {
            shape = Shape.ANT;
            literal = null;
        }
    }

    public static PathPattern of(String pattern) {
        return new PathPattern(pattern);
    }

    public static List<PathPattern> all(List<String> patterns) {
        return patterns.stream().map(PathPattern::of).toList();
    }

    public static boolean anyMatches(List<PathPattern> patterns, String path) {
        for (PathPattern pattern : patterns) {
            if (pattern.matches(path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path as Micronaut's router matches it, for the filters that must see what the route will: the router takes
     * {@code /signin/} for {@code /signin} (one trailing slash is dropped), so {@code POST /signin/} reached the
     * sign-in form while the rate limits and the passwords lane compared {@code /signin/} and let it pass. The router
     * drops nothing else: {@code /signin//}, {@code //signin}, {@code /SIGNIN}, {@code /sign%69n} and {@code
     * /signin;x} are not found (404), here and in the services the gateway forwards to (the same router), so they are
     * left as they are.
     */
    public static String routed(String path) {
        int last = path.length() - 1;
        return last > 0 && path.charAt(last) == '/' ? path.substring(0, last) : path;
    }

    public boolean matches(String path) {
        return switch (shape) {
            case EXACT -> literal.equals(path);
            case PREFIX ->
                literal.isEmpty()
                        ? path.startsWith("/")
                        : path.startsWith(literal)
                                && (path.length() == literal.length() || path.charAt(literal.length()) == '/');
            case ANT -> PathMatcher.ANT.matches(pattern, path);
        };
    }

    /** The pattern as configured (its length says how specific it is). */
    public String pattern() {
        return pattern;
    }

    private static boolean hasWildcard(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('{') >= 0;
    }

    @Override
    public String toString() {
        return pattern;
    }
}
