# fairdesk assistant replies — German (du-Form). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).

welcome = Hallo { $name }! Ich bin der KI-Assistent von fairdesk – kein Mensch. Ich helfe dir bei Zahlungen, Erstattungen, Rücksendungen und deinen Zahlungsplänen. Schreib jederzeit „Mensch“ oder „human“, dann übernimmt eine Person.
greeting = Hallo! Wie kann ich dir heute bei deinen Einkäufen oder Zahlungen helfen?
thanks-goodbye = Gern geschehen! Hab einen schönen Tag.
not-understood = Entschuldige, das habe ich nicht verstanden. Kannst du es anders formulieren? Du kannst auch „Mensch“ oder „human“ schreiben, um mit einer Person zu sprechen.
message-too-long = Die Nachricht ist zu lang für mich (höchstens { $max } Zeichen). Kannst du sie kürzen?
sensitive-masked = Zu deiner Sicherheit habe ich die eingegebene Karten- oder Ausweisnummer ausgeblendet. Bitte teile niemals Karten- oder Ausweisnummern im Chat.

handoff-queued = Ich verbinde dich jetzt mit einer Person. Du bist Nummer { $position } in der Warteschlange, und unser ganzes Gespräch wird übergeben.
handoff-already = Du bist in der Warteschlange für eine Person (Nummer { $position }). Jemand meldet sich so schnell wie möglich bei dir.
handoff-ack-hardship = Es tut mir leid, dass du gerade eine schwere Zeit hast, und danke, dass du es uns sagst. Eine Person schaut gemeinsam mit dir, was möglich ist.
handoff-ack-fraud = Ich verstehe, dass dich das beunruhigt. Eine Person aus unserem Betrugsteam sieht sich das sofort an.
fraud-purchase = Es geht um deinen Kauf bei { $merchant } über { $amount } vom { $date }.
handoff-ack-complaint = Es tut mir leid, dass wir dich enttäuscht haben. Eine Person kümmert sich um deine Beschwerde.
handoff-ack-frustration = Es tut mir leid, dass das so frustrierend für dich war.
handback = Hallo noch mal, hier ist wieder der KI-Assistent. Kann ich dir sonst noch helfen?

choose-order = Welchen Einkauf meinst du: { $orders }?
choice-or = oder
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Ich finde keine Einkäufe in deinem Konto.
no-matching-orders = Keiner deiner Einkäufe kommt dafür gerade infrage.

order-status = Dein Einkauf bei { $merchant } ({ $item }, { $amount }) war am { $date }. { $state }
state-active-shipped = Die Ware wurde am { $shipped } versandt, und der Zahlungsplan läuft.
state-active-unshipped = Der Händler hat die Bestellung noch nicht als versandt markiert.
shipment-tracking = Versanddienstleister ist { $carrier }, die Sendungsnummer lautet { $tracking }.
shipment-carrier = Versanddienstleister ist { $carrier }.
shipment-delivered = Die Ware wurde am { $date } zugestellt.
shipment-on-its-way = Die Ware ist noch nicht als zugestellt markiert.
state-paid-off = Der Einkauf ist vollständig bezahlt.
state-refunded = Der Einkauf wurde vollständig erstattet.
state-cancelled = Der Einkauf wurde storniert.
state-paused-return = Die Zahlungen sind wegen einer Rücksendung bis zum { $until } pausiert.
state-paused-dispute = Die Zahlungen sind pausiert, während wir dem gemeldeten Problem nachgehen.

next-payment = Deine nächste Zahlung für { $merchant } beträgt { $amount } und ist am { $date } fällig.
next-payment-overdue = Deine Zahlung über { $amount } für { $merchant } war am { $date } fällig und ist jetzt überfällig.
next-payment-others = Danach stehen noch Zahlungen für weitere Einkäufe an (Anzahl der Einkäufe: { $count }).
next-payment-nothing = Du hast keine Zahlungen mehr offen.
next-payment-none = Für { $merchant } stehen keine Zahlungen mehr aus.
balance-remaining = Für { $merchant } hast du noch { $amount } zu zahlen. Offene Raten: { $count }.
balance-total = Insgesamt hast du noch { $amount } zu zahlen. Einkäufe mit offenem Betrag: { $count }.
balance-nothing = Du hast nichts mehr zu zahlen.
balance-next = Deine nächste Zahlung beträgt { $amount } für { $merchant } und ist am { $date } fällig.
balance-next-overdue = Deine Zahlung über { $amount } für { $merchant } war am { $date } fällig und ist jetzt überfällig.

pay-now-confirm = Soll ich Rate { $seq } über { $amount } für { $merchant } jetzt mit deiner hinterlegten Karte bezahlen? (Sie ist am { $date } fällig.)
pay-now-done = Erledigt – { $amount } für { $merchant } bezahlt.
pay-off-confirm = Wenn du deinen Einkauf bei { $merchant } heute komplett abbezahlst, kostet das { $amount }. { $saved } Soll ich weitermachen?
pay-off-saved = Damit sparst du { $saved } Zinsen.
pay-off-done = Erledigt – dein Einkauf bei { $merchant } ist vollständig abbezahlt.
move-date-confirm = Ich kann deine Zahlung über { $amount } für { $merchant } vom { $from } auf den { $to } verschieben. Soll ich das machen?
move-date-done = Erledigt – deine Zahlung ist jetzt am { $date } fällig.
move-date-not-possible = Ich kann diese Zahlung für { $merchant } nicht verschieben: { $reason }
move-date-limit = Eine Zahlung kann einmal verschoben werden, um höchstens { $days } Tage und nie über das Datum der nächsten Zahlung hinaus.
move-date-last = Es ist die letzte Zahlung des Plans (fällig am { $date }), und das letzte Datum eines Plans kann nicht verschoben werden.
move-date-moved-once = Sie wurde schon einmal verschoben (sie ist jetzt am { $date } fällig), und jede Zahlung kann nur einmal verschoben werden.
move-date-latest-confirm = Das späteste Datum, auf das ich deine Zahlung über { $amount } verschieben kann, ist der { $to } (bisher fällig am { $from }). Soll ich sie auf den { $to } verschieben?
move-date-person = Wenn du mehr Zeit brauchst, kann sich eine Person das gemeinsam mit dir ansehen – soll ich dich mit einer Person verbinden?

refund-status-some = Für { $merchant } wurden dir bisher { $refunded } erstattet.{ $paid_back }
refund-paid-back = { " " }Davon wurden { $amount } auf deine Karte zurückgezahlt.
refund-date = Die letzte Erstattung erfolgte am { $date }.
refund-still-owed = Für diesen Einkauf hast du noch { $owed } offen (offene Raten: { $count }).
refund-nothing-owed = Für diesen Einkauf schuldest du nichts mehr.
refund-status-none = Für { $merchant } gibt es noch keine Erstattung. Wenn du den Artikel zurückgeschickt hast, kommt die Erstattung, sobald der Händler den Eingang bestätigt.
refund-return-pending = Deine Rücksendung an { $merchant } ist registriert (gestartet am { $date }). Die Zahlungen sind bis zum { $until } pausiert, während der Händler die Ware entgegennimmt.

return-confirm = Soll ich eine Rücksendung für { $merchant } registrieren? Deine Zahlungen werden dann bis zu { $days } Tage pausiert, während der Händler die Ware entgegennimmt.
return-done = Deine Rücksendung ist registriert. Schick den Artikel an { $merchant } zurück. Sobald der Händler den Eingang bestätigt, verringert die Erstattung deinen offenen Betrag. Die Zahlungen sind bis zum { $until } pausiert.
problem-confirm = Das tut mir leid. Soll ich einen Fall bei { $merchant } eröffnen und deine Zahlungen pausieren, während wir uns darum kümmern?
problem-done = Ich habe einen Fall bei { $merchant } eröffnet und deine Zahlungen pausiert. Wir melden uns bei dir. Solange der Fall offen ist, fallen keine Mahngebühren an.
cancel-confirm = Soll ich deinen Einkauf über { $amount } bei { $merchant } stornieren?
cancel-done = Erledigt – der Einkauf bei { $merchant } ist storniert, und du schuldest dafür nichts.
cancel-not-possible = Für { $merchant } wurde bereits eine Zahlung eingezogen, daher kann der Einkauf nicht mehr storniert werden – aber du kannst ihn zurückschicken. Soll ich eine Rücksendung registrieren?

late-fee-explain = Auf deine Zahlung für { $merchant }, fällig am { $date }, wurde eine Mahngebühr von { $fee } aufgeschlagen, weil sie { $grace } Tage nach dem Fälligkeitsdatum noch offen war.
late-fee-waive-confirm = Als einmalige Kulanz kann ich die Gebühr von { $fee } entfernen. Soll ich das machen?
late-fee-waived = Erledigt – die Gebühr von { $fee } ist entfernt.
late-fee-was-paid = Diese Gebühr ist schon bezahlt, du musst dafür also nichts mehr zahlen.
late-fee-refund-confirm = Die Gebühr wurde mit der Rate bezahlt. Als einmalige Kulanz kann ich sie erlassen und dir die { $fee } zurückzahlen. Soll ich das machen?
late-fee-was-waived = Diese Gebühr wurde erlassen, du schuldest sie also nicht.
late-fee-none = Du hast keine Mahngebühren.
late-fee-no-waiver = Ich kann diese Gebühr nicht entfernen: Die einmalige Kulanz wurde schon genutzt. Wenn du möchtest, verbinde ich dich mit einer Person.

payment-failed = Deine Zahlung über { $amount } für { $merchant }, fällig am { $date }, ist nicht durchgegangen. Bitte aktualisiere deine Karte über diesen sicheren Link: { $link } – danach kann ich die Zahlung noch einmal versuchen.
decline-card-expired = Der Grund: Deine hinterlegte Karte ist abgelaufen.
decline-insufficient-funds = Der Grund: Die Bank hat die Zahlung mangels Deckung abgelehnt.
decline-card-blocked = Der Grund: Die Karte ist gesperrt.
decline-bank-declined = Der Grund: Deine Bank hat die Zahlung abgelehnt.
payment-failed-retry = Die automatische Abbuchung wird am { $date } noch einmal versucht.
payment-failed-none = Ich sehe keine fehlgeschlagenen Zahlungen in deinem Konto.
update-payment-method = Zu deiner Sicherheit nehme ich im Chat nie Kartennummern entgegen. Aktualisiere deine Karte über diesen sicheren Link: { $link }
interest-cost = { $merchant }: { $plan }, effektiver Jahreszins { $apr } (Sollzins { $nominal }), Gesamtkosten des Kredits { $cost }, zu zahlender Gesamtbetrag { $total }.
interest-schedule = Das sind Raten zu je { $amount } (Anzahl der Raten: { $count }), die erste fällig am { $first }.
plan-pay-in-4 = in 4 Raten zahlen
plan-pay-in-30 = in 30 Tagen zahlen
plan-financing = Finanzierung über { $months } Monate

account-close-confirm = Du hast keine offenen Beträge, daher kann dein Konto geschlossen werden. Soll ich es jetzt schließen? Danach sind keine neuen Einkäufe damit möglich.
account-close-done = Erledigt – dein Konto ist geschlossen, und dieses Gespräch ist ebenfalls beendet. Danke, dass du bei uns warst.
account-close-already = Dein Konto ist bereits geschlossen.
account-close-outstanding = Du hast noch { $amount } offen, daher kann das Konto noch nicht geschlossen werden. Sobald alles bezahlt ist, geht das.
personal-details = Deine Adresse, E-Mail-Adresse oder Telefonnummer kannst du hier sicher ändern: { $link }
contact-email = Die hinterlegte E-Mail-Adresse ist { $email }.
contact-phone = Die hinterlegte Telefonnummer endet auf { $phone }.
contact-none = Bei uns ist weder eine E-Mail-Adresse noch eine Telefonnummer von dir hinterlegt.
out-of-scope = Dabei kann ich leider nicht helfen – ich bin für deine Einkäufe und Zahlungen da. Soll ich dich mit einer Person verbinden?
out-of-scope-part = Bei einem Teil deiner Nachricht kann ich leider nicht helfen – ich bin für deine Einkäufe und Zahlungen da. Zum Rest:
quick-next-payment = Meine nächste Zahlung
quick-order-status = Wo ist meine Bestellung?
quick-person = Mit einer Person sprechen
only-own-purchases = Ich kann dir nur bei deinen eigenen Einkäufen und deinem eigenen Konto helfen – nicht bei denen anderer. Wenn es um etwas von dir geht, helfe ich gern.
no-role-play = Ich kann meine Arbeitsweise nicht ändern und keine andere Rolle spielen, und meine Regeln bleiben dieselben. Bei deinen Einkäufen helfe ich dir aber gern.
no-special-powers = Ich kann in diesem Chat keine Sonderrechte vergeben, egal, als wen sich jemand ausgibt. Bei deinen eigenen Einkäufen helfe ich dir wie gewohnt.
how-it-works-none = Dazu habe ich keinen Artikel. Soll ich dich mit einer Person verbinden?

confirm-expired = Die Bestätigung ist abgelaufen, deshalb habe ich nichts gemacht. Lass uns neu anfangen.
confirm-declined = Okay, dann mache ich nichts.
confirm-unclear = Nur zur Sicherheit: Soll ich das machen? Bitte antworte mit Ja oder Nein.
two-errands-later = Um deine andere Frage kümmere ich mich gleich danach.
action-failed = Das hat leider nicht geklappt: { $reason }
complaint-registered = Ich habe deine Beschwerde unter der Referenz { $reference } aufgenommen. Eine Person meldet sich bei dir.
quick-yes = Ja
quick-no = Nein
slow-down = Du schickst sehr schnell Nachrichten. Warte bitte einen Moment und versuch es dann noch einmal.

person-joined = { $name } (ein Mensch) ist dem Chat beigetreten.
person-closed = { $name } hat das Gespräch beendet. Danke, dass du dich bei uns gemeldet hast.
snippet-hello = Hallo, ich bin { $name }. Ich habe dein Gespräch mit dem Assistenten gelesen und helfe dir ab hier weiter.
snippet-checking = Danke. Einen Moment bitte, ich sehe mir das an.
snippet-anything-else = Kann ich dir sonst noch helfen?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Kundenservice-Chat
widget-launcher = Chatte mit uns
widget-title = Kundenservice
widget-disclosure = Du chattest mit einem KI-Assistenten, nicht mit einem Menschen. Eine Person übernimmt, sobald du es möchtest.
widget-person = Mit einer Person sprechen
widget-close = Chat schließen
widget-language = Sprache
widget-language-change = Wechseln
widget-conversation = Unterhaltung
widget-suggested = Antwortvorschläge
widget-message = Deine Nachricht
widget-send = Senden
widget-you = Du
widget-bot = KI-Assistent
widget-agent = Mitarbeiter
widget-typing = { $name } schreibt…
widget-typing-person = Ein Mitarbeiter schreibt…
widget-queued = Du wartest auf einen Mitarbeiter: Du bist Nummer { $position } in der Warteschlange.
widget-queued-unknown = Du wartest auf einen Mitarbeiter.
widget-wait = { $minutes ->
    [one] Voraussichtliche Wartezeit: etwa eine Minute.
   *[other] Voraussichtliche Wartezeit: etwa { $minutes } Minuten.
}
widget-wait-unknown = Voraussichtliche Wartezeit: wenige Minuten.
widget-human = Ein Mitarbeiter ist jetzt für dich da.
widget-closed = Diese Unterhaltung ist beendet.
widget-not-sent = Nicht gesendet: { $reason }
widget-not-started = Der Chat konnte nicht starten: { $reason }
widget-rating-title = Wie waren wir?
widget-rating-scale = 1 ist sehr unzufrieden, 5 ist sehr zufrieden.
widget-rating-1 = sehr unzufrieden
widget-rating-2 = unzufrieden
widget-rating-3 = weder zufrieden noch unzufrieden
widget-rating-4 = zufrieden
widget-rating-5 = sehr zufrieden
widget-rating-thanks = Danke für deine Bewertung.
widget-rating-not-saved = Deine Bewertung wurde nicht gespeichert: { $reason }
