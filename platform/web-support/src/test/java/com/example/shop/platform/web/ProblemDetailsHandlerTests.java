package com.example.shop.platform.web;

import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.SQLException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

class ProblemDetailsHandlerTests {

    record Greeting(@NotBlank String name) {
    }

    @RestController
    static class SampleController {

        @PostMapping("/greetings")
        Greeting create(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        @GetMapping("/pages")
        String page(@RequestParam @Max(100) int size) {
            return "ok";
        }

        @GetMapping("/conflict")
        String conflict() {
            throw new ErrorResponseException(HttpStatus.CONFLICT);
        }

        @GetMapping("/nul")
        String nul() {
            throw new IllegalStateException("could not insert",
                    new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));
        }

        @GetMapping("/undecodable")
        String undecodable() {
            throw new IllegalStateException(new InvalidParameterException("Character decoding failed"));
        }

        @GetMapping("/rejected")
        String rejected() {
            throw new RequestRejectedException("The request was rejected because the header value is not allowed");
        }

        @GetMapping("/illegal")
        String illegal() {
            throw new IllegalArgumentException("a bug, not the caller's input");
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail");
        }
    }

    private final MockMvc mvc;

    ProblemDetailsHandlerTests() {
        var validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        mvc = MockMvcBuilders.standaloneSetup(new SampleController())
                .setControllerAdvice(new ProblemDetailsHandler())
                .setValidator(validator)
                .build();
    }

    @Test
    void answersMalformedJsonWithA400Problem() throws Exception {
        mvc.perform(post("/greetings").contentType(MediaType.APPLICATION_JSON).content("{\"name\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400));
    }

    @Test
    void namesTheInvalidFieldsOfABody() throws Exception {
        mvc.perform(post("/greetings").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\" \"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void namesTheInvalidQueryParameters() throws Exception {
        mvc.perform(get("/pages").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("size"));
    }

    @Test
    void answersAWronglyTypedParameterWithA400Problem() throws Exception {
        mvc.perform(get("/pages").param("size", "many"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void rendersTheServicesOwnErrorResponsesAsTheyAre() throws Exception {
        mvc.perform(get("/conflict"))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersAValueTheDatabaseRefusesWithA400Problem() throws Exception {
        mvc.perform(get("/nul"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void hidesTheDetailsOfUnexpectedErrors() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("secret"))));
    }

    @Test
    void answersAParameterTheContainerCannotDecodeWithA400Problem() throws Exception {
        mvc.perform(get("/undecodable"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void answersAHeaderOrParameterTheFirewallRejectsWithA400Problem() throws Exception {
        mvc.perform(get("/rejected"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void keepsAnIllegalArgumentOfItsOwnA500() throws Exception {
        mvc.perform(get("/illegal"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().string(not(containsString("caller"))));
    }

    @Test
    void describesAParameterGivenTwiceWithoutTheJavaArray() throws Exception {
        mvc.perform(get("/pages").param("size", "x", "2"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("Parameter 'size' must be given once, as a single value of type int."));
    }

    @Test
    void writesProblemsWhateverTheAcceptHeaderSays() throws Exception {
        for (String accept : new String[] {"application/json; charset=ebcdic", "*/*;q=abc", "garbage", "text/html"}) {
            mvc.perform(get("/conflict").header("Accept", accept))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(409));
        }
    }
}
