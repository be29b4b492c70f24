package com.example.shop.customer.privacy.web;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.example.shop.customer.account.CustomerId;
import com.example.shop.customer.account.web.Callers;
import com.example.shop.customer.privacy.LastAdministratorException;
import com.example.shop.customer.privacy.PersonalData;
import com.example.shop.customer.privacy.PersonalDataUnavailableException;

/**
 * The customer's export and deletion of their data, and deletion by an administrator. A deleted account is
 * gone: deleting it again answers 404, like every other request with a token issued before the deletion.
 */
@RestController
class PrivacyController {

    private final PersonalData personalData;

    PrivacyController(PersonalData personalData) {
        this.personalData = personalData;
    }

    @GetMapping("/api/customers/me/export")
    ExportResponse export(@AuthenticationPrincipal Jwt jwt) {
        return ExportResponse.of(personalData.export(Callers.customerOf(jwt)));
    }

    @DeleteMapping("/api/customers/me")
    ResponseEntity<Void> deleteMe(@AuthenticationPrincipal Jwt jwt) {
        personalData.delete(Callers.customerOf(jwt));
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/api/admin/customers/{id}")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        personalData.delete(new CustomerId(id));
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(PersonalDataUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(PersonalDataUnavailableException ex) {
        org.slf4j.LoggerFactory.getLogger(PrivacyController.class).warn("Export refused: {}", ex.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE,
                "A service that keeps personal data cannot be asked now; no partial export is given. Try again later.");
    }

    @ExceptionHandler(LastAdministratorException.class)
    ResponseEntity<ProblemDetail> lastAdmin(LastAdministratorException ex) {
        return problem(HttpStatus.CONFLICT, "The last administrator's account cannot be deleted.");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(status, detail));
    }
}
