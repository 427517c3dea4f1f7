// Renaming the boundary editor's target community. The communities a plan creates carry provisional
// names ("新社区 1（方案 5 暂定）") until a planner names them; communities of today keep theirs. A form
// on the editor's toolbar: its button or F2 opens it on the target, Enter saves, Escape cancels. The
// service checks the name and code and journals the rename.
import { t } from './i18n.js';

export class RenameForm {
  /** @param panel the plan panel: target, byKey(key), editable(), rename(key, {name, code}) → failure */
  constructor(panel) {
    this.panel = panel;
    const element = (id) => document.getElementById(id);
    this.form = element('plan-rename-form');
    this.button = element('plan-rename-start');
    this.title = element('plan-rename-title');
    this.name = element('plan-rename-name');
    this.code = element('plan-rename-code');
    this.message = element('plan-rename-message');
    this.key = null;
    this.button.addEventListener('click', () => this.open());
    element('plan-rename-cancel').addEventListener('click', () => this.close());
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.save();
    });
    this.form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.close();
      }
    });
  }

  /** The target when it can be renamed: a community the plan creates, in a draft plan. */
  renamable() {
    const community = typeof this.panel.target === 'number' ? this.panel.byKey(this.panel.target) : null;
    return this.panel.editable() && community && community.continuesCommunityId === null ? community : null;
  }

  open() {
    const community = this.renamable();
    if (!community) return;
    this.key = community.key;
    this.title.textContent = t('plan.rename.title', community.name);
    this.name.value = community.name;
    this.code.value = community.code;
    this.say('');
    this.form.hidden = false;
    this.name.focus();
    this.name.select();
  }

  close() {
    if (this.form.hidden) return;
    const focused = this.form.contains(document.activeElement);
    this.form.hidden = true;
    this.key = null;
    this.say('');
    if (focused && !this.button.disabled) this.button.focus();
  }

  /** Sends what changed; the form stays open with the service's reason when it refuses. */
  async save() {
    const community = this.panel.byKey(this.key);
    if (!community) {
      this.close();
      return;
    }
    const body = {};
    if (this.name.value !== community.name) body.name = this.name.value;
    if (this.code.value !== community.code) body.code = this.code.value;
    if (Object.keys(body).length === 0) {
      this.close();
      return;
    }
    const failure = await this.panel.rename(this.key, body);
    if (failure) {
      this.say(`${t('plan.failed.rename')}: ${failure.message}`);
      this.name.focus();
    } else {
      this.close();
    }
  }

  /** The button: enabled for a target that can be renamed, and says why not otherwise. */
  render() {
    const community = this.renamable();
    this.button.disabled = !community;
    const today = this.panel.editable() && typeof this.panel.target === 'number' && !community;
    this.button.title = today ? t('plan.rename.today') : t('plan.rename.key');
    if (this.key !== null && !this.panel.byKey(this.key)) this.close();
  }

  say(text) {
    this.message.textContent = text;
    this.form.dataset.error = text ? 'true' : '';
  }
}
