# fairdesk assistant replies — Italian (tu). Same message ids as en.ftl.
# Variables arrive pre-formatted ($amount, $date are locale-correct strings computed from the ledger).
# Dates follow "il giorno" ("il giorno 8 dicembre 2026") so no article has to elide before the day.

welcome = Ciao { $name }! Sono l'assistente IA di fairdesk, non una persona. Posso aiutarti con pagamenti, rimborsi, resi e i tuoi piani di pagamento. Scrivi «operatore» o «human» in qualsiasi momento e ti risponderà una persona.
greeting = Ciao! Come posso aiutarti oggi con i tuoi acquisti o pagamenti?
thanks-goodbye = Prego! Buona giornata.
not-understood = Scusa, non ho capito. Puoi dirlo in un altro modo? Puoi anche scrivere «operatore» o «human» per parlare con una persona.
message-too-long = Il messaggio è troppo lungo per me (massimo { $max } caratteri). Puoi accorciarlo?
sensitive-masked = Per la tua sicurezza ho nascosto il numero di carta o di documento che hai scritto. Non condividere mai numeri di carta o di documenti d'identità in chat.

handoff-queued = Ti sto mettendo in contatto con una persona. Sei il numero { $position } in coda, e l'operatore vedrà tutta la nostra conversazione.
handoff-already = Sei in coda per parlare con una persona (numero { $position }). Ti risponderemo il prima possibile.
handoff-ack-hardship = Mi dispiace che tu stia attraversando un momento difficile, e grazie per avercelo detto. Una persona valuterà con te le soluzioni possibili.
handoff-ack-fraud = Capisco che sia una situazione preoccupante. Una persona del nostro team antifrode se ne occuperà subito.
fraud-purchase = Si tratta del tuo acquisto da { $merchant } di { $amount } del { $date }.
handoff-ack-complaint = Mi dispiace che non siamo stati all'altezza. Una persona si occuperà del tuo reclamo.
handoff-ack-frustration = Mi dispiace che sia stato così frustrante.
handback = Ciao di nuovo, sono l'assistente IA. Posso aiutarti con qualcos'altro?

choose-order = A quale acquisto ti riferisci: { $orders }?
choice-or = oppure
order-choice = { $merchant } · { $amount } · { $date }
no-orders = Non trovo acquisti sul tuo account.
no-matching-orders = Al momento nessuno dei tuoi acquisti può essere usato per questo.

order-status = Il tuo acquisto da { $merchant } ({ $item }, { $amount }) è stato effettuato il giorno { $date }. { $state }
state-active-shipped = È stato spedito il giorno { $shipped } e il piano di pagamento è attivo.
state-active-unshipped = Il negozio non l'ha ancora segnato come spedito.
shipment-tracking = La spedizione è affidata a { $carrier }, codice di tracciamento { $tracking }.
shipment-carrier = La spedizione è affidata a { $carrier }.
shipment-delivered = La consegna è avvenuta il giorno { $date }.
shipment-on-its-way = La consegna non risulta ancora effettuata.
state-paid-off = È stato pagato per intero.
state-refunded = È stato rimborsato per intero.
state-cancelled = È stato annullato.
state-paused-return = I pagamenti sono sospesi per un reso fino al giorno { $until }.
state-paused-dispute = I pagamenti sono sospesi mentre verifichiamo il problema che hai segnalato.

next-payment = Il prossimo pagamento per { $merchant } è di { $amount }, in scadenza il giorno { $date }.
next-payment-overdue = Il tuo pagamento di { $amount } per { $merchant } è scaduto il giorno { $date } e risulta in ritardo.
next-payment-others = Dopo questo hai pagamenti anche per altri acquisti (numero di acquisti: { $count }).
next-payment-nothing = Non hai più pagamenti da fare.
next-payment-none = Non hai più pagamenti da fare per { $merchant }.
balance-remaining = Ti restano da pagare { $amount } per { $merchant }. Pagamenti rimanenti: { $count }.
balance-total = In totale ti restano da pagare { $amount }. Acquisti con pagamenti in sospeso: { $count }.
balance-nothing = Non hai più nulla da pagare.
balance-next = Il prossimo pagamento è di { $amount } per { $merchant }, in scadenza il giorno { $date }.
balance-next-overdue = Il tuo pagamento di { $amount } per { $merchant } è scaduto il giorno { $date } e risulta in ritardo.

pay-now-confirm = Vuoi che paghi ora la rata { $seq } da { $amount } per { $merchant } con la carta salvata? (Scade il giorno { $date }.)
pay-now-done = Fatto: hai pagato { $amount } per { $merchant }.
pay-off-confirm = Saldare oggi il tuo acquisto da { $merchant } costa { $amount }. { $saved } Procedo?
pay-off-saved = Così risparmi { $saved } di interessi.
pay-off-done = Fatto: il tuo acquisto da { $merchant } è saldato.
move-date-confirm = Posso spostare il tuo pagamento di { $amount } per { $merchant } dal giorno { $from } al giorno { $to }. Procedo?
move-date-done = Fatto: ora il pagamento scade il giorno { $date }.
move-date-not-possible = Non posso spostare quel pagamento per { $merchant }: { $reason }
move-date-limit = un pagamento si può spostare una sola volta, di { $days } giorni al massimo, e mai oltre la data del pagamento successivo.
move-date-last = è l'ultimo pagamento del piano (in scadenza il giorno { $date }), e l'ultima data di un piano non si può spostare.
move-date-moved-once = è già stato spostato una volta (ora scade il giorno { $date }), e ogni pagamento si può spostare una sola volta.
move-date-latest-confirm = La data più lontana a cui posso spostare il tuo pagamento di { $amount } è il giorno { $to } (invece del giorno { $from }). Vuoi che lo sposti al giorno { $to }?
move-date-person = Se ti serve più tempo, una persona può valutarlo con te. Vuoi che ti metta in contatto con una persona?

refund-status-some = Per { $merchant } finora hai ricevuto un rimborso di { $refunded }.{ $paid_back }
refund-paid-back = { " " }Di questo importo, ti abbiamo riaccreditato { $amount } sulla carta.
refund-date = L'ultimo rimborso è stato effettuato il giorno { $date }.
refund-still-owed = Per questo acquisto devi ancora pagare { $owed } (pagamenti rimanenti: { $count }).
refund-nothing-owed = Per questo acquisto non devi più nulla.
refund-status-none = Non c'è ancora nessun rimborso per { $merchant }. Se hai restituito l'articolo, il rimborso arriverà quando il negozio confermerà di averlo ricevuto.
refund-return-pending = Il tuo reso a { $merchant } è registrato (avviato il giorno { $date }); i pagamenti sono sospesi fino al giorno { $until }, mentre il negozio riceve l'articolo.

return-confirm = Vuoi che registri un reso per { $merchant }? I tuoi pagamenti saranno sospesi per un massimo di { $days } giorni, mentre il negozio riceve l'articolo.
return-done = Il tuo reso è registrato. Rispedisci l'articolo a { $merchant }: quando il negozio ne confermerà la ricezione, il rimborso ridurrà l'importo che devi pagare. I pagamenti sono sospesi fino al giorno { $until }.
problem-confirm = Mi dispiace. Vuoi che apra una pratica con { $merchant } e sospenda i tuoi pagamenti mentre verifichiamo?
problem-done = Ho aperto una pratica con { $merchant } e sospeso i tuoi pagamenti. Ti ricontatteremo; finché la pratica è aperta non ti addebiteremo commissioni per ritardato pagamento.
cancel-confirm = Vuoi che annulli il tuo acquisto da { $amount } presso { $merchant }?
cancel-done = Fatto: il tuo acquisto da { $merchant } è annullato e non devi pagare nulla.
cancel-not-possible = È già stato addebitato un pagamento per { $merchant }, quindi l'acquisto non si può più annullare, ma puoi restituirlo. Vuoi che registri un reso?

late-fee-explain = Al tuo pagamento per { $merchant } scaduto il giorno { $date } è stata aggiunta una commissione per ritardato pagamento di { $fee }, perché risultava ancora non pagato { $grace } giorni dopo la scadenza.
late-fee-waive-confirm = Come gesto di cortesia, una tantum, posso eliminare questa commissione di { $fee }. Procedo?
late-fee-waived = Fatto: la commissione di { $fee } è stata eliminata.
late-fee-was-paid = Questa commissione è già stata pagata, quindi non devi pagare altro.
late-fee-refund-confirm = La commissione è stata pagata insieme alla rata. Come gesto di cortesia, una tantum, posso annullarla e restituirti i { $fee }. Procedo?
late-fee-was-waived = Questa commissione è stata eliminata, quindi non devi pagarla.
late-fee-none = Non hai commissioni per ritardato pagamento.
late-fee-no-waiver = Non posso eliminare questa commissione: l'annullamento una tantum è già stato usato. Se vuoi, ti metto in contatto con una persona.

payment-failed = Il tuo pagamento di { $amount } per { $merchant }, in scadenza il giorno { $date }, non è andato a buon fine. Aggiorna la tua carta tramite questo link sicuro: { $link } e poi potrò riprovare il pagamento.
decline-card-expired = Il motivo è che la carta salvata è scaduta.
decline-insufficient-funds = Il motivo è che la banca ha rifiutato il pagamento per fondi insufficienti.
decline-card-blocked = Il motivo è che la carta è bloccata.
decline-bank-declined = Il motivo è che la tua banca ha rifiutato il pagamento.
payment-failed-retry = L'addebito automatico verrà ritentato il giorno { $date }.
payment-failed-none = Non vedo pagamenti non riusciti sul tuo account.
update-payment-method = Per la tua sicurezza non accetto mai numeri di carta in chat. Aggiorna la tua carta tramite questo link sicuro: { $link }
interest-cost = { $merchant }: { $plan }, TAEG { $apr } (TAN { $nominal }), costo totale del credito { $cost }, importo totale dovuto { $total }.
interest-schedule = Sono pagamenti da { $amount } ciascuno (numero di pagamenti: { $count }), il primo in scadenza il giorno { $first }.
plan-pay-in-4 = paga in 4 rate
plan-pay-in-30 = paga in 30 giorni
plan-financing = finanziamento in { $months } mesi

account-close-confirm = Non hai importi in sospeso, quindi il tuo account può essere chiuso. Lo chiudo adesso? Dopo non potrai più fare acquisti con esso.
account-close-done = Fatto: il tuo account è chiuso, e anche questa conversazione è chiusa. Grazie per essere stato nostro cliente.
account-close-already = Il tuo account è già chiuso.
account-close-outstanding = Hai ancora { $amount } da pagare, quindi l'account non può ancora essere chiuso. Potrai chiuderlo quando avrai pagato tutto.
personal-details = Puoi modificare indirizzo, e-mail o numero di telefono in modo sicuro qui: { $link }
contact-email = L'indirizzo e-mail registrato è { $email }.
contact-phone = Il numero di telefono registrato termina con { $phone }.
contact-none = Non ho nessun indirizzo e-mail o numero di telefono registrato per te.
out-of-scope = Purtroppo con questo non posso aiutarti: sono qui per i tuoi acquisti e pagamenti. Vuoi che ti metta in contatto con una persona?
out-of-scope-part = Con una parte del tuo messaggio purtroppo non posso aiutarti: sono qui per i tuoi acquisti e pagamenti. Per il resto:
quick-next-payment = Il mio prossimo pagamento
quick-order-status = Dov'è il mio ordine?
quick-person = Parla con un operatore
only-own-purchases = Posso aiutarti solo con i tuoi acquisti e il tuo account, non con quelli di altre persone. Se si tratta di qualcosa di tuo, ti aiuto volentieri.
no-role-play = Non posso cambiare il mio modo di funzionare né interpretare un altro ruolo, e le mie regole restano le stesse. Però ti aiuto volentieri con i tuoi acquisti.
no-special-powers = Non posso dare poteri speciali a nessuno in questa chat, chiunque dica di essere. Con i tuoi acquisti posso aiutarti come sempre.
how-it-works-none = Non ho un articolo su questo argomento. Vuoi che ti metta in contatto con una persona?

confirm-expired = La conferma è scaduta, quindi non ho fatto nulla. Ricominciamo.
confirm-declined = Va bene, non faccio nulla.
confirm-unclear = Solo per essere sicuro: procedo? Rispondi sì o no.
two-errands-later = Subito dopo passo alla tua altra richiesta.
action-failed = Non sono riuscito a farlo: { $reason }
complaint-registered = Ho registrato il tuo reclamo con il riferimento { $reference }. Una persona ti ricontatterà.
quick-yes = Sì
quick-no = No
slow-down = Stai inviando messaggi molto velocemente. Aspetta un momento e poi riprova.

person-joined = { $name } (una persona) si è unito alla chat.
person-closed = { $name } ha chiuso la conversazione. Grazie per averci contattato.
snippet-hello = Ciao, sono { $name }. Ho letto la tua conversazione con l'assistente e ti aiuto da qui.
snippet-checking = Grazie. Dammi un momento per verificare.
snippet-anything-else = Posso aiutarti in qualcos'altro?

# The chat widget's own words (issue 12): labels, buttons, status lines, the rating. $position and
# $reason are filled in by the server; $minutes is a number (plural forms); $name is the person's name.
widget-page-title = Chat del servizio clienti
widget-launcher = Chatta con noi
widget-title = Servizio clienti
widget-disclosure = Stai parlando con un assistente IA, non con una persona. Un operatore subentra quando lo chiedi.
widget-person = Parla con un operatore
widget-close = Chiudi la chat
widget-language = Lingua
widget-language-change = Cambia
widget-conversation = Conversazione
widget-suggested = Risposte suggerite
widget-message = Il tuo messaggio
widget-send = Invia
widget-you = Tu
widget-bot = Assistente IA
widget-agent = Operatore
widget-typing = { $name } sta scrivendo…
widget-typing-person = Un operatore sta scrivendo…
widget-queued = In attesa di un operatore: sei il numero { $position } in coda.
widget-queued-unknown = In attesa di un operatore.
widget-wait = { $minutes ->
    [one] Attesa prevista: circa un minuto.
   *[other] Attesa prevista: circa { $minutes } minuti.
}
widget-wait-unknown = Attesa prevista: pochi minuti.
widget-human = Un operatore è con te ora.
widget-closed = Questa conversazione è chiusa.
widget-not-sent = Non inviato: { $reason }
widget-not-started = Non è stato possibile avviare la chat: { $reason }
widget-rating-title = Come siamo andati?
widget-rating-scale = 1 è molto insoddisfatto, 5 è molto soddisfatto.
widget-rating-1 = molto insoddisfatto
widget-rating-2 = insoddisfatto
widget-rating-3 = né soddisfatto né insoddisfatto
widget-rating-4 = soddisfatto
widget-rating-5 = molto soddisfatto
widget-rating-thanks = Grazie per la tua valutazione.
widget-rating-not-saved = La tua valutazione non è stata salvata: { $reason }
