//! Double-entry postings over named accounts.
//!
//! A posting is a TigerBeetle-style transfer: one amount debited from one account and credited to
//! another, in one currency, so every posting balances by construction and an account's balance is the
//! sum of its postings. Accounts are typed; their names are stable strings for storage and audit.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ids::{CustomerId, IdError, MerchantId, OrderId};
use crate::money::{Currency, Money};

/// The accounts of the lender's books. Balances are debit-positive.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Account {
    /// What the customer owes on one order (an asset of the lender).
    Receivable(OrderId),
    /// What the lender owes a merchant for its sales, less refunds (a liability).
    MerchantPayable(MerchantId),
    /// What the lender owes a customer who overpaid (paid back in the same operation).
    CustomerPayable(CustomerId),
    /// The lender's bank account.
    Cash,
    /// Interest earned on financing plans.
    InterestIncome,
    /// Late fees earned.
    FeeIncome,
}

impl fmt::Display for Account {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Account::Receivable(o) => write!(f, "receivable/{o}"),
            Account::MerchantPayable(m) => write!(f, "merchant_payable/{m}"),
            Account::CustomerPayable(c) => write!(f, "customer_payable/{c}"),
            Account::Cash => f.write_str("lender/cash"),
            Account::InterestIncome => f.write_str("lender/interest_income"),
            Account::FeeIncome => f.write_str("lender/fee_income"),
        }
    }
}

impl FromStr for Account {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, IdError> {
        let bad = || IdError {
            kind: "account",
            value: s.chars().take(80).collect(),
            max: 80,
        };
        match s.split_once('/') {
            Some(("receivable", id)) => Ok(Account::Receivable(id.parse()?)),
            Some(("merchant_payable", id)) => Ok(Account::MerchantPayable(id.parse()?)),
            Some(("customer_payable", id)) => Ok(Account::CustomerPayable(id.parse()?)),
            Some(("lender", "cash")) => Ok(Account::Cash),
            Some(("lender", "interest_income")) => Ok(Account::InterestIncome),
            Some(("lender", "fee_income")) => Ok(Account::FeeIncome),
            _ => Err(bad()),
        }
    }
}

impl TryFrom<String> for Account {
    type Error = IdError;
    fn try_from(s: String) -> Result<Self, IdError> {
        s.parse()
    }
}

impl From<Account> for String {
    fn from(a: Account) -> String {
        a.to_string()
    }
}

/// One balanced movement of money between two accounts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    pub debit: Account,
    pub credit: Account,
    pub amount: Money,
}

/// Account balances (debit-positive) per account and currency.
pub type Balances = BTreeMap<(Account, Currency), i64>;

/// Adds postings to balances.
pub fn post_all<'a>(balances: &mut Balances, postings: impl IntoIterator<Item = &'a Posting>) {
    for p in postings {
        *balances
            .entry((p.debit.clone(), p.amount.currency))
            .or_insert(0) += p.amount.amount_minor;
        *balances
            .entry((p.credit.clone(), p.amount.currency))
            .or_insert(0) -= p.amount.amount_minor;
    }
}

/// The net debit-positive change postings make to one account.
pub fn net_change(postings: &[Posting], account: &Account) -> i64 {
    postings
        .iter()
        .map(|p| {
            let a = p.amount.amount_minor;
            i64::from(&p.debit == account) * a - i64::from(&p.credit == account) * a
        })
        .sum()
}

/// Asserts the double-entry invariant over a set of postings: every amount is positive, no posting
/// moves money from an account to itself, and per currency debits equal credits. Always on: a broken
/// ledger must stop the process, not be written.
pub fn assert_balanced(postings: &[Posting]) {
    let mut per_currency: BTreeMap<Currency, (i128, i128)> = BTreeMap::new();
    for p in postings {
        assert!(
            p.amount.amount_minor > 0,
            "posting with non-positive amount: {p:?}"
        );
        assert!(
            p.debit != p.credit,
            "posting from an account to itself: {p:?}"
        );
        let e = per_currency.entry(p.amount.currency).or_insert((0, 0));
        e.0 += i128::from(p.amount.amount_minor);
        e.1 += i128::from(p.amount.amount_minor);
    }
    for (currency, (debits, credits)) in per_currency {
        assert!(
            debits == credits,
            "unbalanced postings in {currency}: {debits} != {credits}"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn account_names_round_trip() {
        let accounts = [
            Account::Receivable("O-1".parse().unwrap()),
            Account::Cash,
            Account::InterestIncome,
            Account::FeeIncome,
        ];
        for a in accounts {
            assert_eq!(a.to_string().parse::<Account>().ok(), Some(a));
        }
        assert!("nope/x".parse::<Account>().is_err());
        assert!("lender/bank".parse::<Account>().is_err());
    }

    #[test]
    fn balances_are_the_sum_of_postings() {
        let p = Posting {
            debit: Account::Cash,
            credit: Account::FeeIncome,
            amount: Money::new(500, Currency::EUR),
        };
        let mut b = Balances::new();
        post_all(&mut b, [&p, &p]);
        assert_eq!(b.get(&(Account::Cash, Currency::EUR)), Some(&1_000));
        assert_eq!(b.get(&(Account::FeeIncome, Currency::EUR)), Some(&-1_000));
        assert_eq!(net_change(&[p], &Account::Cash), 500);
    }
}
