package dev.txsuite.payment.account;

import dev.txsuite.contract.account.AccountNotFound;
import dev.txsuite.contract.account.AccountView;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/accounts")
class AccountController {

    private final AccountRepository accounts;

    AccountController(AccountRepository accounts) {
        this.accounts = accounts;
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
}
