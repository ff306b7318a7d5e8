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
handback = Hej igen, det här är AI-assistenten. Är det något mer jag kan hjälpa dig med?

choose-order = Vilket köp menar du?
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Jag hittar inga köp på ditt konto.
no-matching-orders = Inget av dina köp kan användas till det just nu.

order-status = Ditt köp från { $merchant } ({ $item }, { $amount }) gjordes den { $date }. { $state }
state-active-shipped = Det skickades den { $shipped } och betalplanen löper.
state-active-unshipped = Butiken har inte markerat det som skickat än.
state-paid-off = Det är helt betalt.
state-refunded = Det har återbetalats i sin helhet.
state-cancelled = Det har avbrutits.
state-paused-return = Betalningarna är pausade för en retur fram till { $until }.
state-paused-dispute = Betalningarna är pausade medan vi tittar på problemet du rapporterade.

next-payment = Din nästa betalning för { $merchant } är { $amount } och förfaller den { $date }.
next-payment-none = Du har inga betalningar kvar för { $merchant }.
balance-remaining = Du har { $amount } kvar att betala för { $merchant }. Antal betalningar kvar: { $count }.

pay-now-confirm = Ska jag betala delbetalning { $seq } på { $amount } för { $merchant } nu, med ditt sparade kort? (Den förfaller den { $date }.)
pay-now-done = Klart – { $amount } är betalt för { $merchant }.
pay-off-confirm = Att slutbetala köpet från { $merchant } i dag kostar { $amount }. { $saved } Ska jag fortsätta?
pay-off-saved = Då sparar du { $saved } i ränta.
pay-off-done = Klart – köpet från { $merchant } är slutbetalt.
move-date-confirm = Jag kan flytta din betalning på { $amount } för { $merchant } från den { $from } till den { $to }. Ska jag göra det?
move-date-done = Klart – din betalning förfaller nu den { $date }.
move-date-not-possible = Jag kan inte flytta den betalningen: { $reason }
move-date-limit = en betalning kan flyttas en gång, högst { $days } dagar, och aldrig förbi nästa betalnings förfallodag.

refund-status-some = För { $merchant } har du hittills fått tillbaka { $refunded }.{ $paid_back }
refund-paid-back = { " " }{ $amount } av det har betalats tillbaka till ditt kort.
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
late-fee-none = Du har inga förseningsavgifter.
late-fee-no-waiver = Jag kan inte ta bort den här avgiften, eftersom engångsundantaget redan har använts. Jag kan koppla dig till en person om du vill.

payment-failed = Din betalning på { $amount } för { $merchant } som förföll den { $date } gick inte igenom. Uppdatera ditt kort via den här säkra länken: { $link } – sedan kan jag försöka dra betalningen igen.
payment-failed-none = Jag ser inga misslyckade betalningar på ditt konto.
update-payment-method = För din säkerhet tar jag aldrig emot kortnummer i chatten. Uppdatera ditt kort via den här säkra länken: { $link }
interest-cost = { $merchant }: { $plan }, effektiv ränta { $apr } (nominell ränta { $nominal }), total kreditkostnad { $cost }, totalt att betala { $total }.
plan-pay-in-4 = dela upp i 4
plan-pay-in-30 = betala om 30 dagar
plan-financing = delbetalning över { $months } månader

account-close-ok = Du har inget utestående, så ditt konto kan avslutas. En person bekräftar avslutet med dig.
account-close-outstanding = Du har fortfarande { $amount } utestående, så kontot kan inte avslutas än. När allt är betalt går det bra.
personal-details = Du kan ändra adress, e-post eller telefonnummer säkert här: { $link }
out-of-scope = Det kan jag tyvärr inte hjälpa till med – jag finns här för dina köp och betalningar. Vill du att jag kopplar dig till en person?
how-it-works-none = Jag har ingen artikel om det. Vill du att jag kopplar dig till en person?

confirm-expired = Bekräftelsen har gått ut, så jag gjorde ingenting. Vi börjar om.
confirm-declined = Okej, då gör jag ingenting.
action-failed = Jag kunde inte göra det: { $reason }
complaint-registered = Jag har registrerat ditt klagomål med referens { $reference }. En person återkommer till dig.
quick-yes = Ja
quick-no = Nej
slow-down = Du skickar meddelanden väldigt snabbt. Vänta en stund och försök igen.
