package dev.txsuite.participant.counting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The smallest service that is a participant: tx-participant with {@link CountedWork} as its business side.
 * The tests run one or several of it, each on a database of its own.
 */
@SpringBootApplication
public class CountingParticipantApplication {

    public static void main(String[] args) {
        SpringApplication.run(CountingParticipantApplication.class, args);
    }
}
