package dev.txsuite.payment.account;

import dev.txsuite.contract.account.AccountNotFound;
import dev.txsuite.contract.account.AccountView;
import dev.txsuite.contract.account.DepositRequest;
import dev.txsuite.contract.account.Deposited;
import dev.txsuite.contract.order.IdempotencyKeyHeader;
import dev.txsuite.contract.supply.SupplyProblem;
import java.net.URI;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final AccountRepository accounts;
    private final Deposit deposit;

    AccountController(AccountRepository accounts, Deposit deposit) {
        this.accounts = accounts;
        this.deposit = deposit;
    }

    /** A page of accounts, always by customer id: a client-chosen sort could name a property that does not exist. */
    @GetMapping
    PagedModel<AccountView> list(Pageable pageable) {
        var byCustomer = PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(), Sort.by("customerId"));
        return new PagedModel<>(accounts.findAll(byCustomer).map(Account::toView));
    }

    @GetMapping("/{customerId}")
    AccountView one(@PathVariable String customerId) {
        return accounts.findById(customerId).map(Account::toView).orElseThrow(() -> new AccountNotFound(customerId));
    }

    /** Admin only (the gateway's login): adds money to the customer's balance. */
    @PostMapping("/{customerId}/deposits")
    ResponseEntity<Deposited> deposit(
            @PathVariable String customerId,
            @RequestBody DepositRequest request,
            @RequestHeader(name = IdempotencyKeyHeader.NAME, required = false) String idempotencyKey) {
        var deposited = deposit.add(customerId, request, SupplyProblem.checkKey(idempotencyKey));
        return ResponseEntity.created(URI.create("/api/accounts/" + customerId)).body(deposited);
    }
}
