package dev.txsuite.order.order;

import dev.txsuite.contract.order.OrderRequestProblems;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The order API's problem documents, as order-contract defines them. */
@RestControllerAdvice
class RequestProblems extends OrderRequestProblems {}
