package org.endow.gateway.accounts.infrastructure;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.endow.gateway.accounts.application.EnrollingSecondFactor;
import org.endow.gateway.accounts.application.SignUpCommand;
import org.endow.gateway.accounts.application.SigningIn;
import org.endow.gateway.accounts.application.SigningUp;
import org.endow.gateway.accounts.model.Account;
import org.endow.gateway.accounts.model.AccountId;
import org.endow.platform.security.Caller;

/** The API side of accounts: sign up, get a bearer token, see who you are. */
@Controller("/api/auth")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuthController {

    private final SigningUp signingUp;
    private final SigningIn signingIn;
    private final SessionTokens tokens;
    private final EnrollingSecondFactor enrolling;
    private final JdbcEndedSessions endedSessions;

    AuthController(
            SigningUp signingUp,
            SigningIn signingIn,
            SessionTokens tokens,
            EnrollingSecondFactor enrolling,
            JdbcEndedSessions endedSessions) {
        this.enrolling = enrolling;
        this.endedSessions = endedSessions;
        this.signingUp = signingUp;
        this.signingIn = signingIn;
        this.tokens = tokens;
    }

    @Post("/signup")
    @Secured(SecurityRule.IS_ANONYMOUS)
    HttpResponse<AccountResponse> signUp(@Body @Valid SignUpRequest request) {
        Account account =
                signingUp.signUp(new SignUpCommand(request.email(), request.displayName(), request.password()));
        return HttpResponse.<AccountResponse>status(HttpStatus.CREATED).body(AccountResponse.of(account));
    }

    @Post("/token")
    @Secured(SecurityRule.IS_ANONYMOUS)
    TokenResponse token(@Body @Valid TokenRequest request) {
        Account account = signingIn.signIn(request.email(), request.password(), request.code());
        return new TokenResponse(tokens.issue(account), "Bearer", tokens.expirySeconds());
    }

    /** Signing out an API client: the token presented stops working at once (204). */
    @Delete("/token")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> endSession(Authentication authentication) {
        endedSessions.end(authentication);
        return HttpResponse.noContent();
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    MeResponse me(Authentication authentication) {
        Caller caller = Caller.of(authentication);
        return new MeResponse(
                caller.accountId(),
                caller.name(),
                caller.email(),
                caller.roles().stream().sorted().toList(),
                enrolling.enabled(new AccountId(UUID.fromString(caller.accountId()))),
                SessionTokens.MFA_ENROLMENT_REQUIRED.equals(
                        authentication.getAttributes().get(SessionTokens.MFA_CLAIM)));
    }

    /** Starts setting up an authenticator app: the secret to type in, and an otpauth URI for a QR code. */
    @Post("/mfa/enrolment")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    EnrolmentResponse startEnrolment(Authentication authentication) {
        EnrollingSecondFactor.Enrolment enrolment =
                enrolling.start(new AccountId(UUID.fromString(authentication.getName())));
        return new EnrolmentResponse(enrolment.secret(), enrolment.otpauthUri());
    }

    @Serdeable
    record EnrolmentResponse(String secret, String otpauthUri) {}

    /** Finishes the set-up with one code from the app; sign in again (with a code) to use every role. */
    @Post("/mfa/enrolment/confirm")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> confirmEnrolment(Authentication authentication, @Body @Valid CodeRequest request) {
        enrolling.confirm(new AccountId(UUID.fromString(authentication.getName())), request.code());
        return HttpResponse.noContent();
    }

    @Serdeable
    record CodeRequest(@NotBlank @Size(max = 12) String code) {}

    @Serdeable
    record SignUpRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Size(max = 1024) String password) {
        @Override
        public String toString() {
            return "SignUpRequest[email=" + email + ", password=***]";
        }
    }

    @Serdeable
    record TokenRequest(
            @NotBlank @Size(max = 254) String email,
            @NotBlank @Size(max = 1024) String password,
            @Nullable @Size(max = 12) String code) {
        @Override
        public String toString() {
            return "TokenRequest[email=" + email + ", password=***, code=***]";
        }
    }

    @Serdeable
    record TokenResponse(String accessToken, String tokenType, int expiresIn) {}

    @Serdeable
    record MeResponse(
            String id,
            String displayName,
            String email,
            List<String> roles,
            boolean secondFactor,
            boolean secondFactorRequired) {}

    @Serdeable
    record AccountResponse(
            String id,
            String email,
            String displayName,
            List<String> roles,
            @Nullable Instant createdAt) {
        static AccountResponse of(Account account) {
            return new AccountResponse(
                    account.id().toString(),
                    account.email().value(),
                    account.displayName(),
                    account.roles().stream().map(Enum::name).sorted().toList(),
                    account.createdAt());
        }
    }
}
