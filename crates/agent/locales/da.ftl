# fairdesk assistant replies — Danish (du-form). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).

welcome = Hej { $name }! Jeg er fairdesks AI-assistent – ikke et menneske. Jeg kan hjælpe med betalinger, refusioner, returneringer og dine betalingsplaner. Skriv »menneske« eller »human« når som helst, så tager en person over.
greeting = Hej! Hvordan kan jeg hjælpe dig med dine køb eller betalinger i dag?
thanks-goodbye = Selv tak! Hav en god dag.
not-understood = Beklager, det forstod jeg ikke. Kan du sige det på en anden måde? Du kan også skrive »menneske« eller »human« for at tale med en person.
message-too-long = Beskeden er for lang til mig (højst { $max } tegn). Kan du gøre den kortere?
sensitive-masked = For din sikkerheds skyld har jeg skjult det kort- eller CPR-nummer, du skrev. Del aldrig kortnumre eller CPR-numre i chatten.

handoff-queued = Jeg sætter dig i forbindelse med en person nu. Du er nummer { $position } i køen, og hele vores samtale følger med.
handoff-already = Du står i kø til en person (nummer { $position }). Du får hjælp så hurtigt som muligt.
handoff-ack-hardship = Det er jeg ked af at høre, og tak, fordi du fortæller os det. En person vil se på mulighederne sammen med dig.
handoff-ack-fraud = Jeg forstår godt, at det er bekymrende. En person fra vores svindelteam kigger på det med det samme.
fraud-purchase = Det drejer sig om dit køb hos { $merchant } på { $amount } den { $date }.
handoff-ack-complaint = Jeg er ked af, at vi har skuffet dig. En person tager sig af din klage.
handoff-ack-frustration = Jeg er ked af, at det har været så frustrerende.
handback = Hej igen, det er AI-assistenten. Er der andet, jeg kan hjælpe dig med?

choose-order = Hvilket køb mener du: { $orders }?
choice-or = eller
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Jeg kan ikke finde nogen køb på din konto.
no-matching-orders = Ingen af dine køb kan bruges til det lige nu.

order-status = Dit køb hos { $merchant } ({ $item }, { $amount }) blev foretaget den { $date }. { $state }
state-active-shipped = Det blev sendt den { $shipped }, og betalingsplanen kører.
state-active-unshipped = Butikken har endnu ikke markeret det som sendt.
shipment-tracking = Pakken sendes med { $carrier }, og trackingnummeret er { $tracking }.
shipment-carrier = Pakken sendes med { $carrier }.
shipment-delivered = Det blev leveret den { $date }.
shipment-on-its-way = Det er endnu ikke markeret som leveret.
state-paid-off = Det er betalt helt.
state-refunded = Det er refunderet fuldt ud.
state-cancelled = Det er annulleret.
state-paused-return = Betalingerne er sat på pause på grund af en returnering indtil den { $until }.
state-paused-dispute = Betalingerne er sat på pause, mens vi undersøger det problem, du har meldt.

next-payment = Din næste betaling for { $merchant } er på { $amount } og forfalder den { $date }.
next-payment-overdue = Din betaling på { $amount } for { $merchant } forfaldt den { $date } og er nu forsinket.
next-payment-others = Derefter har du betalinger på yderligere { $count } køb.
next-payment-nothing = Du har ingen betalinger tilbage.
next-payment-none = Du har ingen betalinger tilbage for { $merchant }.
balance-remaining = Du mangler at betale { $amount } for { $merchant }. Antal betalinger tilbage: { $count }.
balance-total = I alt mangler du at betale { $amount }, fordelt på { $count } køb.
balance-nothing = Du har ikke mere at betale.
balance-next = Din næste betaling er på { $amount } for { $merchant } og forfalder den { $date }.
balance-next-overdue = Din betaling på { $amount } for { $merchant } forfaldt den { $date } og er nu forsinket.

pay-now-confirm = Skal jeg betale rate { $seq } på { $amount } for { $merchant } nu med dit gemte kort? (Den forfalder den { $date }.)
pay-now-done = Klaret – { $amount } er betalt for { $merchant }.
pay-off-confirm = Det koster { $amount } at indfri købet hos { $merchant } i dag. { $saved } Skal jeg gå videre?
pay-off-saved = Så sparer du { $saved } i renter.
pay-off-done = Klaret – købet hos { $merchant } er indfriet.
move-date-confirm = Jeg kan flytte din betaling på { $amount } for { $merchant } fra den { $from } til den { $to }. Skal jeg gøre det?
move-date-done = Klaret – din betaling forfalder nu den { $date }.
move-date-not-possible = Jeg kan ikke flytte den betaling for { $merchant }: { $reason }
move-date-limit = en betaling kan flyttes én gang, med højst { $days } dage, og aldrig forbi datoen for den næste betaling.
move-date-last = det er betalingsplanens sidste betaling (forfalder den { $date }), og den sidste dato i en plan kan ikke flyttes.
move-date-moved-once = den er allerede flyttet én gang (den forfalder nu den { $date }), og hver betaling kan kun flyttes én gang.
move-date-latest-confirm = Den seneste dato, jeg kan flytte din betaling på { $amount } til, er den { $to } (fra den { $from }). Skal jeg flytte den til den { $to }?
move-date-person = Hvis du har brug for mere tid end det, kan en person se på det sammen med dig – vil du have, at jeg sætter dig i forbindelse med en person?

refund-status-some = For { $merchant } har du indtil videre fået refunderet { $refunded }.{ $paid_back }
refund-paid-back = { " " }{ $amount } af det er betalt tilbage til dit kort.
refund-date = Den seneste refusion blev foretaget den { $date }.
refund-still-owed = Du mangler stadig at betale { $owed } på købet (antal betalinger tilbage: { $count }).
refund-nothing-owed = Du skylder ikke mere på købet.
refund-status-none = Der er endnu ingen refusion for { $merchant }. Hvis du har returneret varen, kommer refusionen, når butikken bekræfter, at de har modtaget den.
refund-return-pending = Din returnering til { $merchant } er registreret (startet den { $date }). Betalingerne er sat på pause indtil den { $until }, mens butikken modtager varen.

return-confirm = Skal jeg registrere en returnering for { $merchant }? Dine betalinger sættes på pause i op til { $days } dage, mens butikken modtager varen.
return-done = Din returnering er registreret. Send varen tilbage til { $merchant }. Når butikken bekræfter modtagelsen, bliver refusionen trukket fra det, du skylder. Betalingerne er sat på pause indtil den { $until }.
problem-confirm = Det er jeg ked af at høre. Skal jeg oprette en sag hos { $merchant } og sætte dine betalinger på pause, mens vi undersøger det?
problem-done = Jeg har oprettet en sag hos { $merchant } og sat dine betalinger på pause. Vi vender tilbage til dig, og du får ingen gebyrer for sen betaling, mens sagen er åben.
cancel-confirm = Skal jeg annullere dit køb på { $amount } hos { $merchant }?
cancel-done = Klaret – købet hos { $merchant } er annulleret, og du skylder ikke noget for det.
cancel-not-possible = Der er allerede trukket en betaling for { $merchant }, så købet kan ikke annulleres længere – men du kan returnere det. Skal jeg registrere en returnering?

late-fee-explain = Der er lagt et gebyr for sen betaling på { $fee } til din betaling for { $merchant }, som forfaldt den { $date }, fordi den stadig var ubetalt { $grace } dage efter forfaldsdatoen.
late-fee-waive-confirm = Som en engangsgestus kan jeg fjerne gebyret på { $fee }. Skal jeg gøre det?
late-fee-waived = Klaret – gebyret på { $fee } er fjernet.
late-fee-was-paid = Det gebyr er allerede betalt, så du har ikke mere at betale for det.
late-fee-refund-confirm = Gebyret blev betalt sammen med raten. Som en engangsgestus kan jeg frafalde det og betale de { $fee } tilbage til dig. Skal jeg gøre det?
late-fee-was-waived = Det gebyr er blevet fjernet, så du skylder det ikke.
late-fee-none = Du har ingen gebyrer for sen betaling.
late-fee-no-waiver = Jeg kan ikke fjerne dette gebyr, for engangsfritagelsen er allerede brugt. Jeg kan sætte dig i forbindelse med en person, hvis du vil.

payment-failed = Din betaling på { $amount } for { $merchant }, som forfaldt den { $date }, gik ikke igennem. Opdater dit kort via dette sikre link: { $link } – så kan jeg prøve betalingen igen.
decline-card-expired = Årsagen er, at dit gemte kort er udløbet.
decline-insufficient-funds = Årsagen er, at banken afviste betalingen på grund af manglende dækning.
decline-card-blocked = Årsagen er, at kortet er spærret.
decline-bank-declined = Årsagen er, at din bank afviste betalingen.
payment-failed-retry = Vi prøver automatisk at trække betalingen igen den { $date }.
payment-failed-none = Jeg kan ikke se nogen mislykkede betalinger på din konto.
update-payment-method = Af hensyn til din sikkerhed tager jeg aldrig imod kortnumre i chatten. Opdater dit kort via dette sikre link: { $link }
interest-cost = { $merchant }: { $plan }, ÅOP { $apr } (debitorrente { $nominal }), samlede kreditomkostninger { $cost }, samlet beløb at betale { $total }.
interest-schedule = Det svarer til { $amount } pr. betaling (antal betalinger: { $count }), og den første forfalder den { $first }.
plan-pay-in-4 = del op i 4
plan-pay-in-30 = betal om 30 dage
plan-financing = afbetaling over { $months } måneder

account-close-confirm = Du har intet udestående, så din konto kan lukkes. Skal jeg lukke den nu? Derefter kan du ikke handle med den.
account-close-done = Færdig – din konto er lukket, og denne samtale er også lukket. Tak, fordi du har været kunde hos os.
account-close-already = Din konto er allerede lukket.
account-close-outstanding = Du har stadig { $amount } udestående, så kontoen kan ikke lukkes endnu. Når alt er betalt, kan den lukkes.
personal-details = Du kan ændre din adresse, e-mail eller dit telefonnummer sikkert her: { $link }
contact-email = Den e-mailadresse, vi har registreret, er { $email }.
contact-phone = Det telefonnummer, vi har registreret, slutter på { $phone }.
contact-none = Jeg har hverken en e-mailadresse eller et telefonnummer registreret på dig.
out-of-scope = Det kan jeg desværre ikke hjælpe med – jeg er her for dine køb og betalinger. Vil du have, at jeg sætter dig i forbindelse med en person?
out-of-scope-part = Med en del af din besked kan jeg desværre ikke hjælpe – jeg er her for dine køb og betalinger. Hvad angår resten:
quick-next-payment = Min næste betaling
quick-order-status = Hvor er min ordre?
quick-person = Tal med en person
only-own-purchases = Jeg kan kun hjælpe med dine egne køb og din egen konto – ikke med andres. Hvis det handler om noget af dit, hjælper jeg gerne.
no-role-play = Jeg kan ikke ændre, hvordan jeg fungerer, eller spille en anden rolle, og mine regler er de samme. Men jeg hjælper gerne med dine køb.
no-special-powers = Jeg kan ikke give nogen særlige rettigheder i denne chat, uanset hvem de siger, de er. Jeg kan hjælpe dig med dine egne køb på den sædvanlige måde.
how-it-works-none = Jeg har ikke en artikel om det. Vil du have, at jeg sætter dig i forbindelse med en person?

confirm-expired = Bekræftelsen er udløbet, så jeg har ikke gjort noget. Lad os starte forfra.
confirm-declined = Okay, så gør jeg ikke noget.
confirm-unclear = Bare for at være sikker: skal jeg gøre det? Svar ja eller nej.
two-errands-later = Dit andet spørgsmål tager jeg lige bagefter.
action-failed = Det kunne jeg ikke gøre: { $reason }
complaint-registered = Jeg har registreret din klage med referencen { $reference }. En person følger op med dig.
quick-yes = Ja
quick-no = Nej
slow-down = Du sender beskeder meget hurtigt. Vent et øjeblik, og prøv igen.

person-joined = { $name } (en person) er kommet med i chatten.
person-closed = { $name } har afsluttet samtalen. Tak fordi du kontaktede os.
snippet-hello = Hej, jeg hedder { $name }. Jeg har læst din samtale med assistenten og hjælper dig videre herfra.
snippet-checking = Tak. Giv mig et øjeblik, mens jeg ser på det.
snippet-anything-else = Er der andet, jeg kan hjælpe dig med?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Kundeservicechat
widget-launcher = Chat med os
widget-title = Kundeservice
widget-disclosure = Du chatter med en AI-assistent, ikke et menneske. En person tager over, når du beder om det.
widget-person = Tal med en person
widget-close = Luk chatten
widget-language = Sprog
widget-language-change = Skift
widget-conversation = Samtale
widget-suggested = Forslag til svar
widget-message = Din besked
widget-send = Send
widget-you = Dig
widget-bot = AI-assistent
widget-agent = Person
widget-typing = { $name } skriver…
widget-typing-person = En person skriver…
widget-queued = Venter på en person: du er nummer { $position } i køen.
widget-queued-unknown = Venter på en person.
widget-wait = { $minutes ->
    [one] Forventet ventetid: omkring et minut.
   *[other] Forventet ventetid: omkring { $minutes } minutter.
}
widget-wait-unknown = Forventet ventetid: et par minutter.
widget-human = En person er hos dig nu.
widget-closed = Samtalen er afsluttet.
widget-not-sent = Ikke sendt: { $reason }
widget-not-started = Chatten kunne ikke starte: { $reason }
widget-rating-title = Hvordan gik det?
widget-rating-scale = 1 er meget utilfreds, 5 er meget tilfreds.
widget-rating-1 = meget utilfreds
widget-rating-2 = utilfreds
widget-rating-3 = hverken tilfreds eller utilfreds
widget-rating-4 = tilfreds
widget-rating-5 = meget tilfreds
widget-rating-thanks = Tak for din bedømmelse.
widget-rating-not-saved = Din bedømmelse blev ikke gemt: { $reason }
