package dev.txsuite.baseline;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The benchmark's baseline: the order API of the suite served from ONE database, every order written, its stock
 * taken and its money captured in ONE local transaction. What a team would build instead of distributing.
 */
@SpringBootApplication
public class BaselineApplication {

    public static void main(String[] args) {
        SpringApplication.run(BaselineApplication.class, args);
    }
}
