package io.engagive.sdk.sandbox;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;

/** Signs and verifies the sandbox's HS256 JWTs with a key made for one sandbox. */
final class TokenMinter {

    private final byte[] key;
    private final Clock clock;

    TokenMinter(Clock clock) {
        this.clock = clock;
        this.key = randomKey();
    }

    private static byte[] randomKey() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    String mint(SandboxUser user, Instant expiresAt) {
        return sign(user, expiresAt, key);
    }

    String mintWithForeignKey(SandboxUser user, Instant expiresAt) {
        return sign(user, expiresAt, randomKey());
    }

    private String sign(SandboxUser user, Instant expiresAt, byte[] signingKey) {
        Instant now = clock.instant();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .subject(user.id())
                .claim("org", user.organisation())
                .issueTime(Date.from(now.isBefore(expiresAt) ? now : expiresAt.minusSeconds(60)))
                .expirationTime(Date.from(expiresAt))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        try {
            jwt.sign(new MACSigner(signingKey));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a sandbox token", e);
        }
        return jwt.serialize();
    }

    /** Why a token was refused, or empty when it is good; the subject comes back on success. */
    Verification verify(String token) {
        SignedJWT jwt;
        try {
            jwt = SignedJWT.parse(token);
        } catch (ParseException e) {
            return Verification.refused("Invalid token");
        }
        try {
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                return Verification.refused("Invalid token signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            Date expiry = claims.getExpirationTime();
            if (expiry == null || !clock.instant().isBefore(expiry.toInstant())) {
                return Verification.refused("Token expired");
            }
            return Verification.accepted(claims.getSubject());
        } catch (JOSEException | ParseException e) {
            return Verification.refused("Invalid token");
        }
    }

    /** The outcome of checking a token. */
    record Verification(String subject, String refusalReason) {

        static Verification accepted(String subject) {
            return new Verification(subject, null);
        }

        static Verification refused(String why) {
            return new Verification(null, why);
        }

        Optional<String> refusal() {
            return Optional.ofNullable(refusalReason);
        }
    }
}
