package com.example.shop.psp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class PspSimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(PspSimulatorApplication.class, args);
    }
}
