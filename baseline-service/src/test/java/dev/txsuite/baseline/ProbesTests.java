package dev.txsuite.baseline;

import dev.txsuite.testing.ProbesContract;

@BaselineServiceTest
class ProbesTests extends ProbesContract {}
