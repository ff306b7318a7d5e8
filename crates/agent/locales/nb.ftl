# fairdesk assistant replies — Norwegian bokmål (du-form). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).

welcome = Hei { $name }! Jeg er fairdesks AI-assistent – ikke et menneske. Jeg kan hjelpe deg med betalinger, refusjoner, returer og nedbetalingsplanene dine. Skriv «menneske» eller «human» når som helst, så tar en person over.
greeting = Hei! Hvordan kan jeg hjelpe deg med kjøpene eller betalingene dine i dag?
thanks-goodbye = Bare hyggelig! Ha en fin dag.
not-understood = Beklager, det forsto jeg ikke. Kan du si det på en annen måte? Du kan også skrive «menneske» eller «human» for å snakke med en person.
message-too-long = Meldingen er for lang for meg (maks { $max } tegn). Kan du korte den ned?
sensitive-masked = Av sikkerhetshensyn har jeg skjult kortnummeret eller fødselsnummeret du skrev. Del aldri kortnumre eller fødselsnumre i chatten.

handoff-queued = Jeg setter deg over til en person nå. Du er nummer { $position } i køen, og hele samtalen vår følger med.
handoff-already = Du står i kø for å snakke med en person (nummer { $position }). Noen hjelper deg så snart som mulig.
handoff-ack-hardship = Så leit å høre at du har det vanskelig, og takk for at du forteller oss det. En person ser på hvilke muligheter som finnes, sammen med deg.
handoff-ack-fraud = Jeg forstår at dette er bekymringsfullt. En person fra svindelteamet vårt ser på det med en gang.
fraud-purchase = Det gjelder kjøpet ditt hos { $merchant } på { $amount } den { $date }.
handoff-ack-complaint = Så leit at vi har skuffet deg. En person tar seg av klagen din.
handoff-ack-frustration = Så leit at dette har vært så frustrerende.
handback = Hei igjen, dette er AI-assistenten. Er det noe mer jeg kan hjelpe deg med?

choose-order = Hvilket kjøp mener du: { $orders }?
choice-or = eller
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Jeg finner ingen kjøp på kontoen din.
no-matching-orders = Ingen av kjøpene dine kan brukes til det akkurat nå.

order-status = Kjøpet ditt hos { $merchant } ({ $item }, { $amount }) ble gjort { $date }. { $state }
state-active-shipped = Det ble sendt { $shipped }, og nedbetalingsplanen løper.
state-active-unshipped = Butikken har ikke markert det som sendt ennå.
shipment-tracking = Pakken sendes med { $carrier }, og sporingsnummeret er { $tracking }.
shipment-carrier = Pakken sendes med { $carrier }.
shipment-delivered = Det ble levert { $date }.
shipment-on-its-way = Det er ikke markert som levert ennå.
state-paid-off = Det er ferdig betalt.
state-refunded = Det er refundert i sin helhet.
state-cancelled = Det er kansellert.
state-paused-return = Betalingene er satt på pause på grunn av en retur frem til { $until }.
state-paused-dispute = Betalingene er satt på pause mens vi ser på problemet du meldte fra om.

next-payment = Neste betaling for { $merchant } er på { $amount } og forfaller { $date }.
next-payment-overdue = Betalingen din på { $amount } for { $merchant } forfalt { $date } og er nå forsinket.
next-payment-others = Etter den har du betalinger på ytterligere { $count } kjøp.
next-payment-nothing = Du har ingen betalinger igjen.
next-payment-none = Du har ingen betalinger igjen for { $merchant }.
balance-remaining = Du har { $amount } igjen å betale for { $merchant }. Antall betalinger igjen: { $count }.
balance-total = Totalt har du { $amount } igjen å betale, fordelt på { $count } kjøp.
balance-nothing = Du har ingenting igjen å betale.
balance-next = Neste betaling er på { $amount } for { $merchant } og forfaller { $date }.
balance-next-overdue = Betalingen din på { $amount } for { $merchant } forfalt { $date } og er nå forsinket.

pay-now-confirm = Skal jeg betale avdrag { $seq } på { $amount } for { $merchant } nå, med det lagrede kortet ditt? (Det forfaller { $date }.)
pay-now-done = Ferdig – { $amount } er betalt for { $merchant }.
pay-off-confirm = Å innfri kjøpet hos { $merchant } i dag koster { $amount }. { $saved } Skal jeg gå videre?
pay-off-saved = Da sparer du { $saved } i renter.
pay-off-done = Ferdig – kjøpet hos { $merchant } er nedbetalt.
move-date-confirm = Jeg kan flytte betalingen din på { $amount } for { $merchant } fra { $from } til { $to }. Skal jeg gjøre det?
move-date-done = Ferdig – betalingen din forfaller nå { $date }.
move-date-not-possible = Jeg kan ikke flytte den betalingen for { $merchant }: { $reason }
move-date-limit = en betaling kan flyttes én gang, med maks { $days } dager, og aldri forbi forfallsdatoen for neste betaling.
move-date-last = det er den siste betalingen i nedbetalingsplanen (forfaller { $date }), og den siste datoen i en plan kan ikke flyttes.
move-date-moved-once = den er allerede flyttet én gang (den forfaller nå { $date }), og hver betaling kan bare flyttes én gang.
move-date-latest-confirm = Den seneste datoen jeg kan flytte betalingen din på { $amount } til, er { $to } (fra { $from }). Skal jeg flytte den til { $to }?
move-date-person = Hvis du trenger mer tid enn det, kan en person se på det sammen med deg – vil du at jeg setter deg over til en person?

refund-status-some = For { $merchant } har du så langt fått refundert { $refunded }.{ $paid_back }
refund-paid-back = { " " }{ $amount } av dette er betalt tilbake til kortet ditt.
refund-date = Den siste refusjonen ble gjort { $date }.
refund-still-owed = Du har fortsatt { $owed } igjen å betale på kjøpet (antall betalinger igjen: { $count }).
refund-nothing-owed = Du skylder ikke noe mer på kjøpet.
refund-status-none = Det er ingen refusjon for { $merchant } ennå. Hvis du har returnert varen, kommer refusjonen når butikken bekrefter at de har mottatt den.
refund-return-pending = Returen din til { $merchant } er registrert (startet { $date }). Betalingene er satt på pause frem til { $until } mens butikken mottar varen.

return-confirm = Skal jeg registrere en retur for { $merchant }? Betalingene dine settes på pause i opptil { $days } dager mens butikken mottar varen.
return-done = Returen din er registrert. Send varen tilbake til { $merchant }. Når butikken bekrefter at de har mottatt den, trekkes refusjonen fra det du skylder. Betalingene er satt på pause frem til { $until }.
problem-confirm = Så leit å høre. Skal jeg opprette en sak hos { $merchant } og sette betalingene dine på pause mens vi ser på det?
problem-done = Jeg har opprettet en sak hos { $merchant } og satt betalingene dine på pause. Vi tar kontakt med deg, og du får ingen forsinkelsesgebyrer mens saken er åpen.
cancel-confirm = Skal jeg kansellere kjøpet ditt på { $amount } hos { $merchant }?
cancel-done = Ferdig – kjøpet hos { $merchant } er kansellert, og du skylder ingenting for det.
cancel-not-possible = Det er allerede trukket en betaling for { $merchant }, så kjøpet kan ikke kanselleres lenger – men du kan returnere det. Skal jeg registrere en retur?

late-fee-explain = Et forsinkelsesgebyr på { $fee } er lagt til betalingen din for { $merchant } som forfalt { $date }, fordi den fortsatt var ubetalt { $grace } dager etter forfallsdatoen.
late-fee-waive-confirm = Som en engangsgest kan jeg fjerne gebyret på { $fee }. Skal jeg gjøre det?
late-fee-waived = Ferdig – gebyret på { $fee } er fjernet.
late-fee-was-paid = Det gebyret er allerede betalt, så du har ikke noe mer å betale for det.
late-fee-refund-confirm = Gebyret ble betalt sammen med avdraget. Som en engangsgest kan jeg frafalle det og betale de { $fee } tilbake til deg. Skal jeg gjøre det?
late-fee-was-waived = Det gebyret er fjernet, så du skylder det ikke.
late-fee-none = Du har ingen forsinkelsesgebyrer.
late-fee-no-waiver = Jeg kan ikke fjerne dette gebyret, fordi engangsunntaket allerede er brukt. Jeg kan sette deg over til en person hvis du vil.

payment-failed = Betalingen din på { $amount } for { $merchant } som forfalt { $date }, gikk ikke gjennom. Oppdater kortet ditt via denne sikre lenken: { $link } – så kan jeg prøve betalingen på nytt.
decline-card-expired = Årsaken er at det lagrede kortet ditt er utløpt.
decline-insufficient-funds = Årsaken er at banken avviste betalingen på grunn av manglende dekning.
decline-card-blocked = Årsaken er at kortet er sperret.
decline-bank-declined = Årsaken er at banken din avviste betalingen.
payment-failed-retry = Vi prøver å trekke betalingen automatisk på nytt { $date }.
payment-failed-none = Jeg ser ingen mislykkede betalinger på kontoen din.
update-payment-method = Av sikkerhetshensyn tar jeg aldri imot kortnumre i chatten. Oppdater kortet ditt via denne sikre lenken: { $link }
interest-cost = { $merchant }: { $plan }, effektiv rente { $apr } (nominell rente { $nominal }), totale kredittkostnader { $cost }, totalt å betale { $total }.
interest-schedule = Det blir { $amount } per betaling (antall betalinger: { $count }), og den første forfaller { $first }.
plan-pay-in-4 = del opp i 4
plan-pay-in-30 = betal om 30 dager
plan-financing = nedbetaling over { $months } måneder

account-close-confirm = Du har ikke noe utestående, så kontoen din kan avsluttes. Skal jeg avslutte den nå? Etterpå kan du ikke handle med den.
account-close-done = Ferdig – kontoen din er avsluttet, og denne samtalen er også avsluttet. Takk for at du har vært kunde hos oss.
account-close-already = Kontoen din er allerede avsluttet.
account-close-outstanding = Du har fortsatt { $amount } utestående, så kontoen kan ikke avsluttes ennå. Når alt er betalt, går det fint.
personal-details = Du kan endre adresse, e-post eller telefonnummer på en sikker måte her: { $link }
contact-email = E-postadressen vi har registrert, er { $email }.
contact-phone = Telefonnummeret vi har registrert, slutter på { $phone }.
contact-none = Jeg har verken e-postadresse eller telefonnummer registrert på deg.
out-of-scope = Det kan jeg dessverre ikke hjelpe med – jeg er her for kjøpene og betalingene dine. Vil du at jeg setter deg over til en person?
out-of-scope-part = Med en del av meldingen din kan jeg dessverre ikke hjelpe – jeg er her for kjøpene og betalingene dine. Når det gjelder resten:
quick-next-payment = Min neste betaling
quick-order-status = Hvor er pakken min?
quick-person = Snakk med en person
only-own-purchases = Jeg kan bare hjelpe med dine egne kjøp og din egen konto – ikke med andres. Gjelder det noe av ditt, hjelper jeg gjerne.
no-role-play = Jeg kan ikke endre hvordan jeg fungerer eller spille en annen rolle, og reglene mine er de samme. Men jeg hjelper gjerne med kjøpene dine.
no-special-powers = Jeg kan ikke gi noen spesielle rettigheter i denne chatten, uansett hvem de sier at de er. Med dine egne kjøp kan jeg hjelpe deg som vanlig.
how-it-works-none = Jeg har ingen artikkel om det. Vil du at jeg setter deg over til en person?

confirm-expired = Bekreftelsen har utløpt, så jeg gjorde ingenting. La oss begynne på nytt.
confirm-declined = Greit, da gjør jeg ingenting.
confirm-unclear = Bare for å være sikker: skal jeg gjøre det? Svar ja eller nei.
two-errands-later = Det andre spørsmålet ditt tar jeg rett etterpå.
action-failed = Jeg fikk ikke gjort det: { $reason }
complaint-registered = Jeg har registrert klagen din med referanse { $reference }. En person følger opp med deg.
quick-yes = Ja
quick-no = Nei
slow-down = Du sender meldinger veldig raskt. Vent litt og prøv igjen.

person-joined = { $name } (en person) har blitt med i chatten.
person-closed = { $name } har avsluttet samtalen. Takk for at du kontaktet oss.
snippet-hello = Hei, jeg heter { $name }. Jeg har lest samtalen din med assistenten og hjelper deg videre herfra.
snippet-checking = Takk. Gi meg et øyeblikk mens jeg ser på dette.
snippet-anything-else = Er det noe mer jeg kan hjelpe deg med?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Kundeservicechat
widget-launcher = Chat med oss
widget-title = Kundeservice
widget-disclosure = Du chatter med en AI-assistent, ikke et menneske. En person tar over når du ber om det.
widget-person = Snakk med en person
widget-close = Lukk chatten
widget-language = Språk
widget-language-change = Bytt
widget-conversation = Samtale
widget-suggested = Forslag til svar
widget-message = Din melding
widget-send = Send
widget-you = Du
widget-bot = AI-assistent
widget-agent = Person
widget-typing = { $name } skriver…
widget-typing-person = En person skriver…
widget-queued = Venter på en person: du er nummer { $position } i køen.
widget-queued-unknown = Venter på en person.
widget-wait = { $minutes ->
    [one] Forventet ventetid: omtrent ett minutt.
   *[other] Forventet ventetid: omtrent { $minutes } minutter.
}
widget-wait-unknown = Forventet ventetid: noen minutter.
widget-human = En person er med deg nå.
widget-closed = Samtalen er avsluttet.
widget-not-sent = Ikke sendt: { $reason }
widget-not-started = Chatten kunne ikke starte: { $reason }
widget-rating-title = Hvordan gikk det?
widget-rating-scale = 1 er svært misfornøyd, 5 er svært fornøyd.
widget-rating-1 = svært misfornøyd
widget-rating-2 = misfornøyd
widget-rating-3 = verken fornøyd eller misfornøyd
widget-rating-4 = fornøyd
widget-rating-5 = svært fornøyd
widget-rating-thanks = Takk for vurderingen din.
widget-rating-not-saved = Vurderingen din ble ikke lagret: { $reason }
