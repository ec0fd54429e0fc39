{{%AUTOESCAPE context="HTML"}}
<div class="govuk-grid-row">
<div class="govuk-grid-column-two-thirds">
{{#ERROR}}
<div class="govuk-error-summary" data-module="govuk-error-summary">
<div role="alert">
<h2 class="govuk-error-summary__title">Your vote was not recorded</h2>
<div class="govuk-error-summary__body"><ul class="govuk-list govuk-error-summary__list"><li><a href="#ballot">{{MESSAGE}}</a></li></ul></div>
</div>
</div>
{{/ERROR}}
<a class="govuk-back-link" href="/voice">Student voice</a>
<span class="govuk-caption-l">A poll for {{AUDIENCE}}, by {{CREATOR}}</span>
<h1 class="govuk-heading-l">{{TITLE}}</h1>
<p class="govuk-body tandem-words">{{DESCRIPTION}}</p>
<dl class="tandem-facts govuk-!-margin-bottom-6">
<dt>State</dt><dd>{{STATE}}</dd>
<dt>Opens</dt><dd>{{OPENS}}</dd>
<dt>Closes</dt><dd>{{CLOSES}}</dd>
<dt>Anonymous</dt><dd>{{#ANONYMOUS}}Yes: nobody can tell what you answered. Ballots are sealed as they are cast and counted in groups of at least {{MIN}}.{{/ANONYMOUS}}{{#NAMED}}No: the poll's creator, and nobody else, sees who wrote each written answer. Ballots are sealed as they are cast and counted in groups of at least {{MIN}}.{{/NAMED}}</dd>
<dt>Results shown to voters</dt><dd>{{VISIBILITY}}</dd>
<dt>Voted so far</dt><dd>{{VOTERS}}</dd>
</dl>
{{#RECEIPT}}
<div class="govuk-panel govuk-panel--confirmation" id="receipt">
<h2 class="govuk-panel__title">You voted</h2>
<div class="govuk-panel__body">on {{DATE}}</div>
</div>
<p class="govuk-body">This receipt shows that you voted, not what you chose. Your ballot was sealed as you voted and is counted together with at least {{MIN}} others{{#ANONYMOUS}}: nobody, not even someone with the whole database, can tell which ballot is yours{{/ANONYMOUS}}{{#NAMED}}: only the poll's creator sees your name beside your written answers{{/NAMED}}. Each person votes once.</p>
{{/RECEIPT}}
{{#CLOSED}}<div class="govuk-inset-text">This poll has closed.</div>{{/CLOSED}}
{{#RESULTS}}<p class="govuk-body"><a class="govuk-link" href="/voice/polls/{{ID}}/results">See the results</a></p>{{/RESULTS}}
{{#BALLOT}}
<form method="post" action="/voice/polls/{{ID}}/vote" id="ballot" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
{{#QUESTION}}
{{#SINGLE}}
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="q{{ID}}-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{{NUMBER}}. {{PROMPT}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</legend>
<div id="q{{ID}}-hint" class="govuk-hint">{{HINT}}</div>
<div class="govuk-radios" data-module="govuk-radios">
{{#OPTION}}<div class="govuk-radios__item"><input class="govuk-radios__input" id="o{{OPTION_ID}}" name="q{{ID}}" type="radio" value="{{OPTION_ID}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-radios__label" for="o{{OPTION_ID}}">{{LABEL}}</label></div>
{{/OPTION}}
</div>
</fieldset>
</div>
{{/SINGLE}}
{{#MULTIPLE}}
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="q{{ID}}-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{{NUMBER}}. {{PROMPT}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</legend>
<div id="q{{ID}}-hint" class="govuk-hint">{{HINT}}</div>
<div class="govuk-checkboxes" data-module="govuk-checkboxes">
{{#OPTION}}<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="o{{OPTION_ID}}" name="q{{ID}}" type="checkbox" value="{{OPTION_ID}}"{{#CHECKED}} checked{{/CHECKED}}><label class="govuk-label govuk-checkboxes__label" for="o{{OPTION_ID}}">{{LABEL}}</label></div>
{{/OPTION}}
</div>
</fieldset>
</div>
{{/MULTIPLE}}
{{#RANKED}}
<div class="govuk-form-group">
<fieldset class="govuk-fieldset" aria-describedby="q{{ID}}-hint">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--m">{{NUMBER}}. {{PROMPT}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</legend>
<div id="q{{ID}}-hint" class="govuk-hint">{{HINT}}</div>
{{#OPTION}}<div class="govuk-form-group govuk-!-margin-bottom-3">
<label class="govuk-label" for="o{{OPTION_ID}}">{{LABEL}}</label>
<select class="govuk-select" id="o{{OPTION_ID}}" name="r{{OPTION_ID}}">
<option value="">Not ranked</option>
{{#RANK}}<option value="{{N}}"{{#SELECTED}} selected{{/SELECTED}}>{{WORD}} choice</option>
{{/RANK}}
</select>
</div>
{{/OPTION}}
</fieldset>
</div>
{{/RANKED}}
{{#TEXT}}
<div class="govuk-form-group">
<h2 class="govuk-label-wrapper"><label class="govuk-label govuk-label--m" for="q{{ID}}">{{NUMBER}}. {{PROMPT}}{{#OPTIONAL}} (optional){{/OPTIONAL}}</label></h2>
<div id="q{{ID}}-hint" class="govuk-hint">{{HINT}}</div>
<textarea class="govuk-textarea" id="q{{ID}}" name="q{{ID}}" rows="4" aria-describedby="q{{ID}}-hint">{{VALUE:pre_escape}}</textarea>
</div>
{{/TEXT}}
{{/QUESTION}}
<button type="submit" class="govuk-button">Cast your vote</button>
<p class="govuk-body-s">You can vote once, and cannot change your vote afterwards.</p>
</form>
{{/BALLOT}}
{{#MANAGE}}
<h2 class="govuk-heading-m" id="questions">Questions</h2>
{{#NO_QUESTIONS}}<p class="govuk-body">No questions yet: add the first below.</p>{{/NO_QUESTIONS}}
<ol class="govuk-list govuk-list--number">
{{#LISTED}}<li><strong>{{PROMPT}}</strong><br><span class="tandem-muted">{{KIND}}. {{HINT}}</span>
<ul class="govuk-list govuk-list--bullet">{{#OPTION}}<li>{{LABEL}}</li>{{/OPTION}}</ul>
{{#REMOVABLE}}<form method="post" action="/voice/polls/{{POLL_ID}}/questions/{{QID}}/delete" class="tandem-inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button govuk-button--secondary tandem-small-button">Remove<span class="govuk-visually-hidden"> question {{NUMBER}}</span></button></form>{{/REMOVABLE}}
</li>
{{/LISTED}}
</ol>
{{#EDITABLE}}
<details class="govuk-details"{{#NO_QUESTIONS}} open{{/NO_QUESTIONS}}>
<summary class="govuk-details__summary"><span class="govuk-details__summary-text">Add a question</span></summary>
<div class="govuk-details__text">
<form method="post" action="/voice/polls/{{POLL_ID}}/questions" novalidate>
<input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
<div class="govuk-form-group">
<fieldset class="govuk-fieldset">
<legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kind of question</legend>
<div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
<div class="govuk-radios__item"><input class="govuk-radios__input" id="kind" name="kind" type="radio" value="single" checked><label class="govuk-label govuk-radios__label" for="kind">One choice from the options</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="kind-multiple" name="kind" type="radio" value="multiple"><label class="govuk-label govuk-radios__label" for="kind-multiple">Several choices from the options</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="kind-rating" name="kind" type="radio" value="rating"><label class="govuk-label govuk-radios__label" for="kind-rating">A rating from 1 to 5</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="kind-ranked" name="kind" type="radio" value="ranked"><label class="govuk-label govuk-radios__label" for="kind-ranked">The options ranked in order of preference</label></div>
<div class="govuk-radios__item"><input class="govuk-radios__input" id="kind-text" name="kind" type="radio" value="text"><label class="govuk-label govuk-radios__label" for="kind-text">A written answer</label></div>
</div>
</fieldset>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="prompt">Question</label>
<input class="govuk-input" id="prompt" name="prompt" type="text">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="options">Options</label>
<div class="govuk-hint" id="options-hint">For one, several or ranked choices: one option a line, from 2 to 20.</div>
<textarea class="govuk-textarea" id="options" name="options" rows="4" aria-describedby="options-hint"></textarea>
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="min_choices">Fewest choices (optional)</label>
<div class="govuk-hint" id="min_choices-hint">For several or ranked choices. Leave empty for 1.</div>
<input class="govuk-input govuk-input--width-3" id="min_choices" name="min_choices" type="text" inputmode="numeric" aria-describedby="min_choices-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="max_choices">Most choices (optional)</label>
<div class="govuk-hint" id="max_choices-hint">For several or ranked choices. Leave empty for all the options.</div>
<input class="govuk-input govuk-input--width-3" id="max_choices" name="max_choices" type="text" inputmode="numeric" aria-describedby="max_choices-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="low_label">Label of 1 (optional)</label>
<div class="govuk-hint" id="low_label-hint">For a rating. For example: Very poor.</div>
<input class="govuk-input govuk-input--width-20" id="low_label" name="low_label" type="text" aria-describedby="low_label-hint">
</div>
<div class="govuk-form-group">
<label class="govuk-label govuk-label--s" for="high_label">Label of 5 (optional)</label>
<div class="govuk-hint" id="high_label-hint">For a rating. For example: Excellent.</div>
<input class="govuk-input govuk-input--width-20" id="high_label" name="high_label" type="text" aria-describedby="high_label-hint">
</div>
<div class="govuk-form-group">
<div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
<div class="govuk-checkboxes__item"><input class="govuk-checkboxes__input" id="optional" name="optional" type="checkbox" value="yes"><label class="govuk-label govuk-checkboxes__label" for="optional">Voters may skip this question</label></div>
</div>
</div>
<button type="submit" class="govuk-button govuk-button--secondary">Add the question</button>
</form>
</div>
</details>
<div class="govuk-button-group">
{{#CAN_OPEN}}<form method="post" action="/voice/polls/{{POLL_ID}}/open" class="tandem-inline-form"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="govuk-button">Open the poll now</button></form>{{/CAN_OPEN}}
<a class="govuk-button govuk-button--secondary" href="/voice/polls/{{POLL_ID}}/edit">Change the settings</a>
</div>
{{/EDITABLE}}
{{#CAN_CLOSE}}
<p class="govuk-body"><a href="/voice/polls/{{POLL_ID}}/close" role="button" draggable="false" class="govuk-button govuk-button--warning" data-module="govuk-button">Close the poll early</a></p>
{{/CAN_CLOSE}}
{{/MANAGE}}
</div>
</div>
