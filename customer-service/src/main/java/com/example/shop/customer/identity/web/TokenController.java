package com.example.shop.customer.identity.web;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.identity.AccessToken;
import com.example.shop.customer.identity.InvalidCredentialsException;
import com.example.shop.customer.identity.Login;

@RestController
class TokenController {

    private final Login login;

    TokenController(Login login) {
        this.login = login;
    }

    @PostMapping("/api/auth/token")
    TokenResponse token(@Valid @RequestBody TokenRequest request) {
        AccessToken token = login.login(request.email(), request.password());
        return new TokenResponse(token.value(), "Bearer", token.expiresIn().toSeconds());
    }

    @ExceptionHandler(InvalidCredentialsException.class)
    ErrorResponse invalidCredentials(InvalidCredentialsException ex) {
        return ErrorResponse.builder(ex, HttpStatus.UNAUTHORIZED, "Unknown e-mail address or wrong password.")
                .header("WWW-Authenticate", "Bearer")
                .build();
    }
}
