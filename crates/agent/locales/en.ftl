# fairdesk assistant replies — English (the master file; every language has the same message ids).
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).

welcome = Hi { $name }! I'm fairdesk's AI assistant — not a person. I can help with payments, refunds, returns and your plans. Write "human" at any time and a person will take over.
greeting = Hello! How can I help you with your purchases or payments today?
thanks-goodbye = You're welcome! Have a nice day.
not-understood = Sorry, I didn't understand that. Could you say it another way? You can also write "human" to talk to a person.
message-too-long = That message is too long for me ({ $max } characters at most). Could you shorten it?
sensitive-masked = For your safety I hid the card or ID number you typed. Please never share card numbers or ID numbers in the chat.

handoff-queued = I'm connecting you with a person now. You're number { $position } in the queue, and they'll see our whole conversation.
handoff-already = You're in the queue for a person (number { $position }). They'll be with you as soon as possible.
handoff-ack-hardship = I'm sorry you're going through this, and thank you for telling us. A person will look at what's possible with you.
handoff-ack-fraud = I understand this is worrying. A person from our fraud team will look at it right away.
fraud-purchase = This is about your { $merchant } purchase of { $amount } on { $date }.
handoff-ack-complaint = I'm sorry we let you down. A person will handle your complaint.
handoff-ack-frustration = I'm sorry this has been so frustrating.
handback = Hi again, this is the AI assistant. Is there anything else I can help you with?

choose-order = Which purchase do you mean: { $orders }?
choice-or = or
order-choice = { $merchant } · { $amount } · { $date }
no-orders = I can't find any purchases on your account.
no-matching-orders = None of your purchases can be used for that right now.

order-status = Your purchase from { $merchant } ({ $item }, { $amount }) was made on { $date }. { $state }
state-active-shipped = It was shipped on { $shipped }, and the plan is running.
state-active-unshipped = The merchant hasn't marked it as shipped yet.
shipment-tracking = It's with { $carrier }, tracking number { $tracking }.
shipment-carrier = It's with { $carrier }.
shipment-delivered = It was delivered on { $date }.
shipment-on-its-way = It hasn't been marked as delivered yet.
state-paid-off = It's fully paid.
state-refunded = It was refunded in full.
state-cancelled = It was cancelled.
state-paused-return = Payments are paused for a return until { $until }.
state-paused-dispute = Payments are paused while we look into the problem you reported.

next-payment = Your next payment for { $merchant } is { $amount }, due on { $date }.
next-payment-overdue = Your payment of { $amount } for { $merchant } was due on { $date } and is overdue.
next-payment-others = You have payments on { $count } other purchase(s) after that.
next-payment-nothing = You have no payments left to make.
next-payment-none = You have no payments left for { $merchant }.
balance-remaining = You have { $amount } left to pay for { $merchant }, in { $count } payment(s).
balance-total = In total you have { $amount } left to pay, on { $count } purchase(s).
balance-nothing = You have nothing left to pay.
balance-next = Your next payment is { $amount } for { $merchant }, due on { $date }.
balance-next-overdue = Your payment of { $amount } for { $merchant } was due on { $date } and is overdue.

pay-now-confirm = Shall I pay installment { $seq } of { $amount } for { $merchant } now, from your card on file? (It's due on { $date }.)
pay-now-done = Done — { $amount } paid for { $merchant }.
pay-off-confirm = Paying off { $merchant } today costs { $amount }. { $saved } Shall I go ahead?
pay-off-saved = That saves you { $saved } in interest.
pay-off-done = Done — { $merchant } is paid off.
move-date-confirm = I can move your { $merchant } payment of { $amount } from { $from } to { $to }. Shall I do that?
move-date-done = Done — your payment is now due on { $date }.
move-date-not-possible = I can't move that payment for { $merchant }: { $reason }
move-date-limit = a payment can be moved once, by at most { $days } days, and never past the next payment's date.
move-date-last = it's the plan's last payment (due { $date }), and the last date of a plan can't be moved.
move-date-moved-once = it was already moved once (it's now due { $date }), and each payment can be moved only once.
move-date-latest-confirm = The latest date I can move your { $amount } payment to is { $to } (from { $from }). Shall I move it to { $to }?
move-date-person = If you need more time than that, a person can look at it with you — shall I connect you?

# refund-paid-back starts with its own space: it is appended to refund-status-some, and is empty when nothing went back to the card.
refund-status-some = For { $merchant } you've been refunded { $refunded } so far.{ $paid_back }
refund-paid-back = { " " }{ $amount } of it was paid back to your card.
refund-date = The latest refund was made on { $date }.
refund-still-owed = You still owe { $owed } on it, in { $count } payment(s).
refund-nothing-owed = You owe nothing more on it.
refund-status-none = There's no refund on { $merchant } yet. If you returned the item, the refund comes once the merchant confirms they received it.
refund-return-pending = Your return to { $merchant } is registered (started { $date }); payments are paused until { $until } while the merchant receives it.

return-confirm = Shall I register a return for { $merchant }? Your payments will be paused for up to { $days } days while the merchant receives the item.
return-done = Your return is registered. Send the item back to { $merchant }; when they confirm, the refund reduces what you owe. Payments are paused until { $until }.
problem-confirm = I'm sorry about that. Shall I open a case with { $merchant } and pause your payments while we look into it?
problem-done = I've opened a case with { $merchant } and paused your payments. We'll get back to you; no late fees while it's open.
cancel-confirm = Shall I cancel your { $amount } purchase from { $merchant }?
cancel-done = Done — the purchase from { $merchant } is cancelled and you owe nothing for it.
cancel-not-possible = A payment was already taken for { $merchant }, so it can't be cancelled anymore — but you can return it. Shall I register a return?

late-fee-explain = A late fee of { $fee } was added to your { $merchant } payment due { $date }, because it was still unpaid { $grace } days after the due date.
late-fee-waive-confirm = As a one-time goodwill gesture I can remove that { $fee } fee. Shall I do that?
late-fee-waived = Done — the { $fee } fee is removed.
late-fee-was-paid = That fee has already been paid, so there's nothing more to pay for it.
late-fee-refund-confirm = That fee was paid with the installment. As a one-time goodwill gesture I can waive it and pay the { $fee } back to you. Shall I do that?
late-fee-was-waived = That fee was waived, so you don't owe it.
late-fee-none = You have no late fees.
late-fee-no-waiver = I can't remove this fee: the one-time waiver has already been used. I can connect you with a person if you'd like.

payment-failed = Your payment of { $amount } for { $merchant } due { $date } didn't go through. Please update your card through this secure link: { $link } — then I can try the payment again.
decline-card-expired = The reason: the card on file has expired.
decline-insufficient-funds = The reason: the bank declined it for insufficient funds.
decline-card-blocked = The reason: the card is blocked.
decline-bank-declined = The reason: your bank declined the payment.
payment-failed-retry = Autopay will try again on { $date }.
payment-failed-none = I don't see any failed payments on your account.
update-payment-method = For your security I never take card numbers in the chat. Update your card through this secure link: { $link }
interest-cost = { $merchant }: { $plan }, APR { $apr } (nominal { $nominal }), total cost of credit { $cost }, total to pay { $total }.
interest-schedule = That's { $count } payment(s) of { $amount }, the first due on { $first }.
plan-pay-in-4 = pay in 4
plan-pay-in-30 = pay in 30 days
plan-financing = financing over { $months } months

account-close-confirm = You have nothing outstanding, so your account can be closed. Shall I close it now? After that, no new purchases can be made with it.
account-close-done = Done — your account is closed, and this conversation is closed too. Thank you for having been with us.
account-close-already = Your account is already closed.
account-close-outstanding = You still have { $amount } outstanding, so the account can't be closed yet. Once everything is paid, it can be.
personal-details = You can change your address, e-mail or phone number securely here: { $link }
contact-email = The e-mail address on file is { $email }.
contact-phone = The phone number on file ends in { $phone }.
contact-none = I don't have an e-mail address or phone number on file for you.
out-of-scope = That's outside what I can help with — I'm here for your purchases and payments. Would you like me to connect you with a person?
out-of-scope-part = Part of your message is outside what I can help with — I'm here for your purchases and payments. As for the rest:
quick-next-payment = My next payment
quick-order-status = Where's my order?
quick-person = Talk to a person
only-own-purchases = I can only help with your own purchases and account — not with anyone else's. If it's about something of yours, I'm happy to help.
no-role-play = I can't change how I work or play a different role, and my rules stay the same. I'm happy to help with your purchases, though.
no-special-powers = I can't give anyone special powers in this chat, whoever they say they are. I can help with your own purchases in the usual way.
how-it-works-none = I don't have an article on that. Would you like me to connect you with a person?

confirm-expired = That confirmation has expired, so I didn't do anything. Let's start again.
confirm-declined = OK, I won't do anything.
confirm-unclear = Just to be sure: shall I go ahead with that? Please answer yes or no.
two-errands-later = I'll come to your other question right after this.
action-failed = I couldn't do that: { $reason }
complaint-registered = I've registered your complaint with reference { $reference }. A person will follow up with you.
quick-yes = Yes
quick-no = No
slow-down = You are sending messages very quickly. Please wait a moment, then try again.

# A person in the chat: what the customer sees when one joins or closes, and the agent's snippets.
person-joined = { $name } (a person) has joined the chat.
person-closed = { $name } has closed the conversation. Thank you for contacting us.
snippet-hello = Hi, I'm { $name }. I've read your conversation with the assistant and I'll help you from here.
snippet-checking = Thank you. Give me a moment while I look into this.
snippet-anything-else = Is there anything else I can help you with?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Customer service chat
widget-launcher = Chat with us
widget-title = Customer service
widget-disclosure = You are chatting with an AI assistant, not a person. A person takes over whenever you ask.
widget-person = Talk to a person
widget-close = Close chat
widget-language = Language
widget-language-change = Change
widget-conversation = Conversation
widget-suggested = Suggested replies
widget-message = Your message
widget-send = Send
widget-you = You
widget-bot = AI assistant
widget-agent = Person
widget-typing = { $name } is typing…
widget-typing-person = A person is typing…
widget-queued = Waiting for a person: you are number { $position } in the queue.
widget-queued-unknown = Waiting for a person.
widget-wait = { $minutes ->
    [one] Expected wait: about a minute.
   *[other] Expected wait: about { $minutes } minutes.
}
widget-wait-unknown = Expected wait: a few minutes.
widget-human = A person is with you now.
widget-closed = This conversation is closed.
widget-not-sent = Not sent: { $reason }
widget-not-started = The chat could not start: { $reason }
widget-rating-title = How did we do?
widget-rating-scale = 1 is very unhappy, 5 is very happy.
widget-rating-1 = very unhappy
widget-rating-2 = unhappy
widget-rating-3 = neither happy nor unhappy
widget-rating-4 = happy
widget-rating-5 = very happy
widget-rating-thanks = Thank you for your rating.
widget-rating-not-saved = Your rating was not saved: { $reason }
