package com.example.shop.customer.identity;

import java.time.Clock;
import java.time.Instant;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

import com.example.shop.customer.account.Customer;
import com.example.shop.customer.account.Role;

/**
 * Signs RS256 access tokens with the claims every service relies on (docs/architecture.md, "Identity"):
 * {@code iss}, {@code sub} = customer id, {@code email}, {@code name}, {@code roles}, {@code iat}, {@code exp}.
 */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final SigningKeys keys;
    private final TokenProperties properties;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, SigningKeys keys, TokenProperties properties) {
        this.encoder = encoder;
        this.keys = keys;
        this.properties = properties;
        this.clock = Clock.systemUTC();
    }

    public AccessToken issue(Customer customer) {
        Instant now = clock.instant();
        var claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .subject(customer.id().toString())
                .claim("email", customer.email())
                .claim("name", customer.name())
                .claim("roles", customer.roles().stream().sorted().map(Role::name).toList())
                .issuedAt(now)
                .expiresAt(now.plus(properties.timeToLive()))
                .build();
        var header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(keys.active().getKeyID()).build();
        String token = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new AccessToken(token, properties.timeToLive());
    }
}
