package com.example.shop.platform.messaging;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** The smallest application that uses the library: a data source, a Kafka producer and the outbox. */
@SpringBootApplication
class MessagingTestApplication {
}
