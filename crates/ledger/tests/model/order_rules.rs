//! The reference model's rules for operations on an existing order.
//!
//! Each rule lists every reason it would refuse, then changes the model's numbers. Amounts follow the
//! lender's documented rules: a capture collects principal, interest and any unwaived fee of the next
//! installment; a refund first removes principal from the latest open installments and pays back the
//! rest; a pause shifts the open installments by its length when it ends.

use chrono::{Days, NaiveDate};
use fairdesk_ledger::{
    DisputeOutcome, LedgerError, Operation, OrderId, OrderStatus, PaymentMethod,
};

use super::rules::{MInstallment, MOrder, MPause, Model, Reasons, monthly_interest, refuse_if};

/// The reasons that apply to an installment that must exist and be open.
fn open_installment(o: &MOrder, seq: u8, why: &mut Reasons) -> Option<MInstallment> {
    match o.get(seq) {
        None => why.push(LedgerError::UnknownInstallment(seq)),
        Some(i) if !i.open => why.push(LedgerError::InstallmentClosed(seq)),
        Some(i) => return Some(i.clone()),
    }
    None
}

/// Orders that were cancelled or refunded in full take no more refunds, returns or disputes.
fn not_closed(o: &MOrder, why: &mut Reasons) {
    let s = o.status();
    if matches!(s, OrderStatus::Cancelled | OrderStatus::Refunded) {
        why.push(LedgerError::OrderClosed(s));
    }
}

/// Only a running plan collects, moves dates, charges fees or cancels.
fn active(o: &MOrder, why: &mut Reasons) {
    let s = o.status();
    if s != OrderStatus::Active {
        why.push(LedgerError::OrderClosed(s));
    }
}

fn amount_reasons(o: &MOrder, currency: fairdesk_ledger::Currency, amount: i64, why: &mut Reasons) {
    if currency != o.currency() {
        why.push(LedgerError::WrongCurrency {
            expected: o.currency(),
            got: currency,
        });
    }
    if amount <= 0 {
        why.push(LedgerError::NonPositiveAmount);
    } else if amount > o.refundable() {
        why.push(LedgerError::RefundExceedsCaptured {
            refundable_minor: o.refundable(),
        });
    }
}

fn shift(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days)).unwrap_or(d)
}

impl Model {
    pub(crate) fn on_order(&mut self, op: &Operation, today: NaiveDate) -> Result<(), Reasons> {
        let id = op.targets().order.unwrap_or_else(unreachable_order);
        let Some(o) = self.orders.get(&id) else {
            return Err(vec![LedgerError::UnknownOrder(id)]);
        };
        let mut o = o.clone();
        let why = self.decide(op, &mut o, today);
        refuse_if(why)?;
        self.orders.insert(id, o);
        Ok(())
    }

    /// Applies `op` to a copy of the order (and to the lender's accounts); any reason returned means
    /// the copy is dropped. The lender's accounts are only touched after all reasons are known.
    fn decide(&mut self, op: &Operation, o: &mut MOrder, today: NaiveDate) -> Reasons {
        let mut why = Vec::new();
        match op {
            Operation::MarkShipped { .. } => {
                not_closed(o, &mut why);
                if let Some(on) = o.shipped_on {
                    why.push(LedgerError::AlreadyShipped(on));
                }
                if why.is_empty() {
                    o.shipped_on = Some(today);
                }
            }
            Operation::CaptureInstallment {
                installment,
                method,
                ..
            } => self.capture(o, *installment, *method, today, &mut why),
            Operation::RecordPaymentFailure { installment, .. } => {
                active(o, &mut why);
                open_installment(o, *installment, &mut why);
                if why.is_empty() {
                    o.failures += 1;
                }
            }
            Operation::PayOff { expected_minor, .. } => {
                active(o, &mut why);
                let (quote, interest) = o.payoff_quote(today);
                if quote <= 0 {
                    why.push(LedgerError::NothingOutstanding);
                }
                if let Some(q) = expected_minor.filter(|q| *q != quote) {
                    why.push(LedgerError::QuoteChanged {
                        quoted_minor: q,
                        actual_minor: quote,
                    });
                }
                if why.is_empty() {
                    self.pay_off(o, quote, interest);
                }
            }
            Operation::Refund { amount, .. } => {
                not_closed(o, &mut why);
                amount_reasons(o, amount.currency, amount.amount_minor, &mut why);
                if why.is_empty() {
                    self.refund(o, amount.amount_minor);
                }
            }
            Operation::StartReturn { .. } => {
                not_closed(o, &mut why);
                if let Some(on) = o.return_pending {
                    why.push(LedgerError::ReturnAlreadyStarted(on));
                }
                if o.pause.is_some() {
                    why.push(LedgerError::AlreadyPaused);
                }
                if why.is_empty() {
                    let until = shift(today, u64::from(self.policy.return_pause_days));
                    o.pause = Some(MPause::Return {
                        since: today,
                        until,
                    });
                    o.return_pending = Some(today);
                }
            }
            Operation::ConfirmReturn { amount, .. } => {
                not_closed(o, &mut why);
                if o.return_pending.is_none() {
                    why.push(LedgerError::NoReturnStarted);
                }
                amount_reasons(o, amount.currency, amount.amount_minor, &mut why);
                if why.is_empty() {
                    self.refund(o, amount.amount_minor);
                    o.return_pending = None;
                    if matches!(o.pause, Some(MPause::Return { .. })) {
                        resume(o, today);
                    }
                }
            }
            Operation::ResumePlan { .. } => match o.pause {
                Some(MPause::Return { until, .. }) if today < until => {
                    why.push(LedgerError::PauseNotOver { until });
                }
                Some(MPause::Return { .. }) => resume(o, today),
                Some(MPause::Dispute { .. }) => why.push(LedgerError::OrderPaused),
                None => why.push(LedgerError::NotPaused),
            },
            Operation::OpenDispute { reason, .. } => {
                not_closed(o, &mut why);
                let n = reason.chars().count();
                if n == 0 || n > 500 || reason.chars().any(char::is_control) {
                    why.push(LedgerError::InvalidField {
                        field: "reason".to_owned(),
                        reason: String::new(),
                    });
                }
                if o.pause.is_some() {
                    why.push(LedgerError::AlreadyPaused);
                }
                if why.is_empty() {
                    o.pause = Some(MPause::Dispute { since: today });
                }
            }
            Operation::ResolveDispute { outcome, .. } => {
                if !matches!(o.pause, Some(MPause::Dispute { .. })) {
                    why.push(LedgerError::NoOpenDispute);
                } else {
                    if *outcome == DisputeOutcome::ForCustomer && o.refundable() > 0 {
                        let all = o.refundable();
                        self.refund(o, all);
                    }
                    resume(o, today);
                }
            }
            Operation::MoveDueDate {
                installment,
                new_due,
                ..
            } => self.move_due(o, *installment, *new_due, today, &mut why),
            Operation::AssessLateFee { installment, .. } => {
                self.late_fee(o, *installment, today, &mut why);
            }
            Operation::WaiveLateFee { installment, .. } => self.waive(o, *installment, &mut why),
            Operation::CancelOrder { .. } => self.cancel(o, today, &mut why),
            other => why.push(LedgerError::InvalidField {
                field: "operation".to_owned(),
                reason: other.name().to_owned(),
            }),
        }
        why
    }

    fn capture(
        &mut self,
        o: &mut MOrder,
        seq: u8,
        method: PaymentMethod,
        today: NaiveDate,
        why: &mut Reasons,
    ) {
        active(o, why);
        let next = o.next_open().map(|i| i.seq);
        if let Some(inst) = open_installment(o, seq, why) {
            if let Some(next) = next.filter(|n| *n != seq) {
                why.push(LedgerError::InstallmentNotNext {
                    requested: seq,
                    next,
                });
            }
            if method == PaymentMethod::Autopay {
                if o.pause.is_some() {
                    why.push(LedgerError::OrderPaused);
                }
                if inst.due > today {
                    why.push(LedgerError::NotDueYet { seq, due: inst.due });
                }
                let card = self
                    .customers
                    .get(&o.customer)
                    .is_some_and(|c| c.card_valid);
                if !card {
                    why.push(LedgerError::PaymentMethodInvalid);
                }
            }
        }
        if !why.is_empty() {
            return;
        }
        let currency = o.currency();
        if let Some(i) = o.installments.iter_mut().find(|i| i.seq == seq) {
            i.paid = i.owed();
            i.open = false;
            let money = self.lender(currency);
            money.cash += i.paid;
            money.interest_income += i.interest;
        }
    }

    fn pay_off(&mut self, o: &mut MOrder, quote: i64, interest: i64) {
        let mut interest_left = interest;
        for i in o.installments.iter_mut().filter(|i| i.open) {
            i.interest = interest_left;
            interest_left = 0;
            i.paid = i.owed();
            i.open = false;
        }
        let money = self.lender(o.currency());
        money.cash += quote;
        money.interest_income += interest;
    }

    /// Removes principal from the latest open installments, re-prices their interest (one month on
    /// what is still owed before each), closes what has nothing left, and pays back the rest.
    pub(crate) fn refund(&mut self, o: &mut MOrder, amount: i64) {
        let mut left = amount;
        for i in o.installments.iter_mut().rev().filter(|i| i.open) {
            let cut = left.min(i.principal);
            i.principal -= cut;
            left -= cut;
        }
        if let fairdesk_ledger::PlanKind::Financing { apr_nominal_bp, .. } = o.plan {
            let mut still_owed: i64 = o.open().map(|i| i.principal).sum();
            for i in o.installments.iter_mut().filter(|i| i.open) {
                i.interest = monthly_interest(still_owed, apr_nominal_bp);
                still_owed -= i.principal;
            }
        }
        for i in o.installments.iter_mut().filter(|i| i.open) {
            if i.owed() == 0 {
                i.open = false;
            }
        }
        o.refunded += amount;
        o.paid_back += left;
        *self.merchant_owed.entry(o.merchant.clone()).or_insert(0) -= amount;
        self.lender(o.currency()).cash -= left;
    }

    fn move_due(
        &mut self,
        o: &mut MOrder,
        seq: u8,
        new_due: NaiveDate,
        today: NaiveDate,
        why: &mut Reasons,
    ) {
        active(o, why);
        let Some(inst) = open_installment(o, seq, why) else {
            return;
        };
        if inst.moves >= self.policy.due_date_moves_per_installment_max {
            why.push(LedgerError::MoveLimitReached(seq));
        }
        if new_due <= inst.due {
            why.push(LedgerError::MoveNotLater { current: inst.due });
        }
        if new_due < today {
            why.push(LedgerError::MoveIntoPast);
        }
        let days_max = self.policy.due_date_move_days_max;
        let latest = shift(inst.original_due, u64::from(days_max));
        if new_due > latest {
            why.push(LedgerError::MoveTooFar { days_max, latest });
        }
        // Never past the following installment, and never past the end of the plan.
        let plan_end = o
            .installments
            .iter()
            .map(|i| i.due)
            .max()
            .unwrap_or(inst.due);
        let limit = o
            .get(seq.saturating_add(1))
            .map_or(plan_end, |n| n.due.min(plan_end));
        if new_due > limit {
            why.push(LedgerError::MovePastPlanEnd { last: limit });
        }
        if why.is_empty()
            && let Some(i) = o.installments.iter_mut().find(|i| i.seq == seq)
        {
            i.due = new_due;
            i.moves += 1;
        }
    }

    fn late_fee(&mut self, o: &mut MOrder, seq: u8, today: NaiveDate, why: &mut Reasons) {
        active(o, why);
        if o.pause.is_some() {
            why.push(LedgerError::OrderPaused);
        }
        let max = self.policy.late_fees_per_order_max;
        if o.fees_assessed >= max {
            why.push(LedgerError::LateFeeCapReached { max });
        }
        let Some(inst) = open_installment(o, seq, why) else {
            return;
        };
        let grace_ends = shift(inst.due, u64::from(self.policy.grace_days));
        if today <= grace_ends {
            why.push(LedgerError::NotLate { seq, grace_ends });
        }
        if inst.fee > 0 {
            why.push(LedgerError::LateFeeAlreadyAssessed(seq));
        }
        let base = self
            .policy
            .late_fee_minor
            .iter()
            .find(|(c, _)| *c == o.currency())
            .map_or(0, |(_, f)| *f);
        let share = i64::from(self.policy.late_fee_share_of_installment_max_bp);
        let fee = base.min(inst.owed() * share / 10_000).max(0);
        if fee == 0 {
            why.push(LedgerError::NoLateFeeConfigured);
        }
        if why.is_empty()
            && let Some(i) = o.installments.iter_mut().find(|i| i.seq == seq)
        {
            i.fee = fee;
            o.fees_assessed += 1;
            self.lender(o.currency()).fee_income += fee;
        }
    }

    fn waive(&mut self, o: &mut MOrder, seq: u8, why: &mut Reasons) {
        // An installment closed by payment (it has money paid on it) may have its fee waived too:
        // the fee is then paid back.
        let inst = match o.get(seq) {
            None => {
                why.push(LedgerError::UnknownInstallment(seq));
                return;
            }
            Some(i) if !i.open && i.paid == 0 => {
                why.push(LedgerError::InstallmentClosed(seq));
                return;
            }
            Some(i) => i.clone(),
        };
        if inst.fee <= 0 || inst.fee_waived {
            why.push(LedgerError::NoLateFee(seq));
        }
        let max = self.policy.late_fee_waivers_per_customer_max;
        let used = self
            .customers
            .get(&o.customer)
            .map_or(0, |c| c.waivers_used);
        if used >= max {
            why.push(LedgerError::WaiverLimitReached { max });
        }
        if !why.is_empty() {
            return;
        }
        if let Some(c) = self.customers.get_mut(&o.customer) {
            c.waivers_used += 1;
        }
        let currency = o.currency();
        if let Some(i) = o.installments.iter_mut().find(|i| i.seq == seq) {
            i.fee_waived = true;
            let fee = i.fee;
            let money = self.lender(currency);
            money.fee_income -= fee;
            if !i.open {
                i.paid -= fee;
                money.cash -= fee;
            } else if i.owed() == 0 {
                // An installment whose principal was refunded and whose fee is waived owes nothing.
                i.open = false;
            }
        }
    }

    fn cancel(&mut self, o: &mut MOrder, _today: NaiveDate, why: &mut Reasons) {
        active(o, why);
        if o.paid() > 0 {
            why.push(LedgerError::CaptureAlreadyMade);
        }
        if o.open().any(|i| i.fee_owed() > 0) {
            why.push(LedgerError::FeesOutstanding);
        }
        if !why.is_empty() {
            return;
        }
        let principal: i64 = o.open().map(|i| i.principal).sum();
        for i in o.installments.iter_mut().filter(|i| i.open) {
            i.principal = 0;
            i.interest = 0;
            i.open = false;
        }
        o.cancelled = true;
        o.cancelled_principal += principal;
        o.pause = None;
        *self.merchant_owed.entry(o.merchant.clone()).or_insert(0) -= principal;
    }
}

/// Ends a pause: every open installment moves later by the days it lasted.
fn resume(o: &mut MOrder, today: NaiveDate) {
    if let Some(p) = o.pause.take() {
        let days = u64::try_from((today - p.since()).num_days()).unwrap_or(0);
        for i in o.installments.iter_mut().filter(|i| i.open) {
            i.due = shift(i.due, days);
            i.original_due = shift(i.original_due, days);
        }
    }
}

fn unreachable_order() -> OrderId {
    // Every operation routed here names an order; a placeholder keeps the model total.
    "O-none".parse().unwrap()
}
