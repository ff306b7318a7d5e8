# fairdesk assistant replies — Swedish (du-form). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).

welcome = Hej { $name }! Jag är fairdesks AI-assistent – inte en människa. Jag kan hjälpa dig med betalningar, återbetalningar, returer och dina betalplaner. Skriv ”människa” eller ”human” när du vill, så tar en person över.
greeting = Hej! Hur kan jag hjälpa dig med dina köp eller betalningar i dag?
thanks-goodbye = Varsågod! Ha en fin dag.
not-understood = Förlåt, det förstod jag inte. Kan du säga det på ett annat sätt? Du kan också skriva ”människa” eller ”human” för att prata med en person.
message-too-long = Meddelandet är för långt för mig (högst { $max } tecken). Kan du korta ner det?
sensitive-masked = För din säkerhet har jag dolt kortnumret eller personnumret du skrev. Dela aldrig kortnummer eller personnummer i chatten.

handoff-queued = Jag kopplar dig till en person nu. Du är nummer { $position } i kön, och hela vår konversation följer med.
handoff-already = Du står i kön till en person (nummer { $position }). Någon hjälper dig så snart som möjligt.
handoff-ack-hardship = Vad tråkigt att höra att du har det svårt just nu, och tack för att du berättar det för oss. En person går igenom vilka möjligheter som finns tillsammans med dig.
handoff-ack-fraud = Jag förstår att det här känns oroande. En person från vårt bedrägeriteam tittar på det direkt.
fraud-purchase = Det gäller ditt köp hos { $merchant } på { $amount } den { $date }.
handoff-ack-complaint = Vad tråkigt att vi har gjort dig besviken. En person tar hand om ditt klagomål.
handoff-ack-frustration = Vad tråkigt att det här har varit så frustrerande.
handback = Hej igen, det här är AI-assistenten. Är det något mer jag kan hjälpa dig med?

choose-order = Vilket köp menar du: { $orders }?
choice-or = eller
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Jag hittar inga köp på ditt konto.
no-matching-orders = Inget av dina köp kan användas till det just nu.

order-status = Ditt köp från { $merchant } ({ $item }, { $amount }) gjordes den { $date }. { $state }
state-active-shipped = Det skickades den { $shipped } och betalplanen löper.
state-active-unshipped = Butiken har inte markerat det som skickat än.
shipment-tracking = Paketet skickas med { $carrier }, och spårningsnumret är { $tracking }.
shipment-carrier = Paketet skickas med { $carrier }.
shipment-delivered = Det levererades den { $date }.
shipment-on-its-way = Det har inte markerats som levererat än.
state-paid-off = Det är helt betalt.
state-refunded = Det har återbetalats i sin helhet.
state-cancelled = Det har avbrutits.
state-paused-return = Betalningarna är pausade för en retur fram till { $until }.
state-paused-dispute = Betalningarna är pausade medan vi tittar på problemet du rapporterade.

next-payment = Din nästa betalning för { $merchant } är { $amount } och förfaller den { $date }.
next-payment-overdue = Din betalning på { $amount } för { $merchant } förföll den { $date } och är försenad.
next-payment-others = Efter den har du betalningar på ytterligare { $count } köp.
next-payment-nothing = Du har inga betalningar kvar att göra.
next-payment-none = Du har inga betalningar kvar för { $merchant }.
balance-remaining = Du har { $amount } kvar att betala för { $merchant }. Antal betalningar kvar: { $count }.
balance-total = Totalt har du { $amount } kvar att betala, fördelat på { $count } köp.
balance-nothing = Du har inget kvar att betala.
balance-next = Din nästa betalning är { $amount } för { $merchant } och förfaller den { $date }.
balance-next-overdue = Din betalning på { $amount } för { $merchant } förföll den { $date } och är försenad.

pay-now-confirm = Ska jag betala delbetalning { $seq } på { $amount } för { $merchant } nu, med ditt sparade kort? (Den förfaller den { $date }.)
pay-now-done = Klart – { $amount } är betalt för { $merchant }.
pay-off-confirm = Att slutbetala köpet från { $merchant } i dag kostar { $amount }. { $saved } Ska jag fortsätta?
pay-off-saved = Då sparar du { $saved } i ränta.
pay-off-done = Klart – köpet från { $merchant } är slutbetalt.
move-date-confirm = Jag kan flytta din betalning på { $amount } för { $merchant } från den { $from } till den { $to }. Ska jag göra det?
move-date-done = Klart – din betalning förfaller nu den { $date }.
move-date-not-possible = Jag kan inte flytta den betalningen för { $merchant }: { $reason }
move-date-limit = en betalning kan flyttas en gång, högst { $days } dagar, och aldrig förbi nästa betalnings förfallodag.
move-date-last = det är betalplanens sista betalning (förfaller den { $date }), och en plans sista datum kan inte flyttas.
move-date-moved-once = den har redan flyttats en gång (den förfaller nu den { $date }), och varje betalning kan bara flyttas en gång.
move-date-latest-confirm = Det senaste datum jag kan flytta din betalning på { $amount } till är den { $to } (från den { $from }). Ska jag flytta den till den { $to }?
move-date-person = Om du behöver mer tid än så kan en person gå igenom det med dig – vill du att jag kopplar dig till en person?

refund-status-some = För { $merchant } har du hittills fått tillbaka { $refunded }.{ $paid_back }
refund-paid-back = { " " }{ $amount } av det har betalats tillbaka till ditt kort.
refund-date = Den senaste återbetalningen gjordes den { $date }.
refund-still-owed = Du har fortfarande { $owed } kvar att betala på köpet (antal betalningar kvar: { $count }).
refund-nothing-owed = Du är inte skyldig något mer på köpet.
refund-status-none = Det finns ingen återbetalning för { $merchant } än. Om du har returnerat varan kommer återbetalningen när butiken bekräftar att de har tagit emot den.
refund-return-pending = Din retur till { $merchant } är registrerad (påbörjad den { $date }). Betalningarna är pausade fram till { $until } medan butiken tar emot varan.

return-confirm = Ska jag registrera en retur för { $merchant }? Dina betalningar pausas i upp till { $days } dagar medan butiken tar emot varan.
return-done = Din retur är registrerad. Skicka tillbaka varan till { $merchant }. När butiken har bekräftat minskar återbetalningen det du är skyldig. Betalningarna är pausade fram till { $until }.
problem-confirm = Vad tråkigt. Ska jag öppna ett ärende hos { $merchant } och pausa dina betalningar medan vi tittar på det?
problem-done = Jag har öppnat ett ärende hos { $merchant } och pausat dina betalningar. Vi återkommer till dig, och du får inga förseningsavgifter medan ärendet är öppet.
cancel-confirm = Ska jag avbryta ditt köp på { $amount } från { $merchant }?
cancel-done = Klart – köpet från { $merchant } är avbrutet och du är inte skyldig något för det.
cancel-not-possible = En betalning har redan dragits för { $merchant }, så köpet kan inte avbrytas längre – men du kan returnera det. Ska jag registrera en retur?

late-fee-explain = En förseningsavgift på { $fee } har lagts till på din betalning för { $merchant } som förföll den { $date }, eftersom den fortfarande var obetald { $grace } dagar efter förfallodagen.
late-fee-waive-confirm = Som en engångsgest kan jag ta bort avgiften på { $fee }. Ska jag göra det?
late-fee-waived = Klart – avgiften på { $fee } är borttagen.
late-fee-was-paid = Den avgiften är redan betald, så du har inget mer att betala för den.
late-fee-refund-confirm = Avgiften betalades tillsammans med delbetalningen. Som en engångsgest kan jag efterskänka den och betala tillbaka { $fee } till dig. Ska jag göra det?
late-fee-was-waived = Den avgiften har tagits bort, så du är inte skyldig den.
late-fee-none = Du har inga förseningsavgifter.
late-fee-no-waiver = Jag kan inte ta bort den här avgiften, eftersom engångsundantaget redan har använts. Jag kan koppla dig till en person om du vill.

payment-failed = Din betalning på { $amount } för { $merchant } som förföll den { $date } gick inte igenom. Uppdatera ditt kort via den här säkra länken: { $link } – sedan kan jag försöka dra betalningen igen.
decline-card-expired = Orsaken är att ditt sparade kort har gått ut.
decline-insufficient-funds = Orsaken är att banken nekade betalningen på grund av otillräckligt saldo.
decline-card-blocked = Orsaken är att kortet är spärrat.
decline-bank-declined = Orsaken är att din bank nekade betalningen.
payment-failed-retry = Vi gör ett nytt automatiskt försök att dra betalningen den { $date }.
payment-failed-none = Jag ser inga misslyckade betalningar på ditt konto.
update-payment-method = För din säkerhet tar jag aldrig emot kortnummer i chatten. Uppdatera ditt kort via den här säkra länken: { $link }
interest-cost = { $merchant }: { $plan }, effektiv ränta { $apr } (nominell ränta { $nominal }), total kreditkostnad { $cost }, totalt att betala { $total }.
interest-schedule = Det blir { $amount } per betalning (antal betalningar: { $count }), och den första förfaller den { $first }.
plan-pay-in-4 = dela upp i 4
plan-pay-in-30 = betala om 30 dagar
plan-financing = delbetalning över { $months } månader

account-close-confirm = Du har inget utestående, så ditt konto kan avslutas. Ska jag avsluta det nu? Därefter går det inte att handla med det.
account-close-done = Klart – ditt konto är avslutat, och den här konversationen är också avslutad. Tack för att du har varit kund hos oss.
account-close-already = Ditt konto är redan avslutat.
account-close-outstanding = Du har fortfarande { $amount } utestående, så kontot kan inte avslutas än. När allt är betalt går det bra.
personal-details = Du kan ändra adress, e-post eller telefonnummer säkert här: { $link }
contact-email = E-postadressen vi har registrerad är { $email }.
contact-phone = Telefonnumret vi har registrerat slutar på { $phone }.
contact-none = Jag har varken någon e-postadress eller något telefonnummer registrerat för dig.
out-of-scope = Det kan jag tyvärr inte hjälpa till med – jag finns här för dina köp och betalningar. Vill du att jag kopplar dig till en person?
out-of-scope-part = Med en del av ditt meddelande kan jag tyvärr inte hjälpa dig – jag är här för dina köp och betalningar. När det gäller resten:
quick-next-payment = Min nästa betalning
quick-order-status = Var är min beställning?
quick-person = Prata med en person
only-own-purchases = Jag kan bara hjälpa till med dina egna köp och ditt eget konto – inte med någon annans. Om det gäller något av ditt hjälper jag gärna till.
no-role-play = Jag kan inte ändra hur jag fungerar eller spela en annan roll, och mina regler är desamma. Men jag hjälper gärna till med dina köp.
no-special-powers = Jag kan inte ge någon särskilda befogenheter i den här chatten, oavsett vem de säger att de är. Med dina egna köp kan jag hjälpa dig som vanligt.
how-it-works-none = Jag har ingen artikel om det. Vill du att jag kopplar dig till en person?

confirm-expired = Bekräftelsen har gått ut, så jag gjorde ingenting. Vi börjar om.
confirm-declined = Okej, då gör jag ingenting.
confirm-unclear = Bara för att vara säker: ska jag göra det? Svara ja eller nej.
two-errands-later = Din andra fråga tar jag direkt efter det här.
action-failed = Jag kunde inte göra det: { $reason }
complaint-registered = Jag har registrerat ditt klagomål med referens { $reference }. En person återkommer till dig.
quick-yes = Ja
quick-no = Nej
slow-down = Du skickar meddelanden väldigt snabbt. Vänta en stund och försök igen.

person-joined = { $name } (en person) har anslutit till chatten.
person-closed = { $name } har avslutat samtalet. Tack för att du kontaktade oss.
snippet-hello = Hej, jag heter { $name }. Jag har läst ditt samtal med assistenten och hjälper dig härifrån.
snippet-checking = Tack. Ge mig en stund medan jag tittar på det här.
snippet-anything-else = Finns det något mer jag kan hjälpa dig med?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Kundtjänstchatt
widget-launcher = Chatta med oss
widget-title = Kundtjänst
widget-disclosure = Du chattar med en AI-assistent, inte en människa. En person tar över när du vill.
widget-person = Prata med en person
widget-close = Stäng chatten
widget-language = Språk
widget-language-change = Byt
widget-conversation = Konversation
widget-suggested = Förslag på svar
widget-message = Ditt meddelande
widget-send = Skicka
widget-you = Du
widget-bot = AI-assistent
widget-agent = Person
widget-typing = { $name } skriver…
widget-typing-person = En person skriver…
widget-queued = Väntar på en person: du är nummer { $position } i kön.
widget-queued-unknown = Väntar på en person.
widget-wait = { $minutes ->
    [one] Beräknad väntetid: ungefär en minut.
   *[other] Beräknad väntetid: ungefär { $minutes } minuter.
}
widget-wait-unknown = Beräknad väntetid: några minuter.
widget-human = En person är med dig nu.
widget-closed = Konversationen är avslutad.
widget-not-sent = Inte skickat: { $reason }
widget-not-started = Chatten kunde inte starta: { $reason }
widget-rating-title = Hur gick det?
widget-rating-scale = 1 är mycket missnöjd, 5 är mycket nöjd.
widget-rating-1 = mycket missnöjd
widget-rating-2 = missnöjd
widget-rating-3 = varken nöjd eller missnöjd
widget-rating-4 = nöjd
widget-rating-5 = mycket nöjd
widget-rating-thanks = Tack för ditt betyg.
widget-rating-not-saved = Ditt betyg sparades inte: { $reason }
